package io.edgeloop.core.mining;

import io.edgeloop.core.candle.Candle;
import io.edgeloop.core.snapshot.Snapshot;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static io.edgeloop.core.mining.Trails.day;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Cost of the whole study (mining, lead-up extraction, archetype scoring) over all real daily
 * bars. Until the scoring engine exists, every ticker gets a placeholder trail (one flat
 * snapshot on every trading day): the findings are meaningless, the timing is not.
 */
class StudyBenchmarkTest {

    private static final Logger LOG = LoggerFactory.getLogger(StudyBenchmarkTest.class);

    @Test
    void shouldRunTheStudyOverAllDailyDataWellUnderTenSeconds() {
        Map<String, List<Candle>> daily = DailyDataFixture.allDaily();
        Snapshot flat = day(10, 5).snapshot;
        Study study = Study.defaults();
        study.run(daily, DailyDataFixture.sectors(), t -> Optional.of(placeholder(daily.get(t), flat)));

        long t0 = System.nanoTime();
        StudyResult result = study.run(daily, DailyDataFixture.sectors(),
                t -> Optional.of(placeholder(daily.get(t), flat)));
        double ms = (System.nanoTime() - t0) / 1e6;

        long bars = daily.values().stream().mapToLong(List::size).sum();
        LOG.info("study over {} daily bars: {} moves, {} with lead-up, {} archetypes scored in {} ms ({} ms per 1M bars)",
                bars, result.mining().moves().size(), result.features().size(), result.archetypes().size(),
                String.format("%.1f", ms), String.format("%.1f", ms / bars * 1e6));
        assertThat(ms).isLessThan(10_000);
        assertThat(result.features().size()).isGreaterThan(result.mining().moves().size() * 9 / 10)
                .isLessThanOrEqualTo(result.mining().moves().size());
        assertThat(result.scores().baseline().n()).isEqualTo(result.features().size());
    }

    /** A trail over the ticker's trading days that shows the same snapshot every day. */
    private static Trail placeholder(List<Candle> bars, Snapshot snapshot) {
        LocalDate[] dates = bars.stream().map(DailySeries::exchangeDate).toArray(LocalDate[]::new);
        return new Trail() {
            @Override
            public int size() {
                return dates.length;
            }

            @Override
            public LocalDate date(int day) {
                return dates[day];
            }

            @Override
            public Snapshot at(int day) {
                return snapshot;
            }
        };
    }
}
