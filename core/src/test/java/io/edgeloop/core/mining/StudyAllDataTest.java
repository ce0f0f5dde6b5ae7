package io.edgeloop.core.mining;

import io.edgeloop.core.candle.Candle;
import io.edgeloop.core.snapshot.Snapshot;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static io.edgeloop.core.mining.Trails.day;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The whole study (mining, lead-up extraction, archetype scoring) over all real daily bars, each
 * ticker with a placeholder trail (one flat snapshot on every trading day): the findings are
 * meaningless, the bookkeeping is not. Its speed is measured by {@code ./edgeloop bench retro}.
 */
class StudyAllDataTest {

    @Test
    void shouldGiveNearlyEveryMoveItsLeadUpAndScoreEveryOne() {
        Map<String, List<Candle>> daily = DailyDataFixture.allDaily();
        Snapshot flat = day(10, 5).snapshot;

        StudyResult result = Study.defaults().run(daily, DailyDataFixture.sectors(),
                t -> Optional.of(placeholder(daily.get(t), flat)));

        assertThat(result.mining().moves()).isNotEmpty();
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
