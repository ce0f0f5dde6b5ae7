package io.edgeloop.core.mining;

import io.edgeloop.core.candle.Candle;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static io.edgeloop.core.mining.Trails.day;
import static org.assertj.core.api.Assertions.assertThat;

class StudyTest {

    private static final LocalDate FIRST = LocalDate.of(2025, 6, 9);

    @Test
    void shouldScoreOnlyMovesWhoseLeadUpTheTrailCovers() {
        double[] closes = new double[30];
        for (int i = 0; i < closes.length; i++) {
            closes[i] = i < 10 ? 10 : i < 20 ? 12 : 10;
        }
        List<Candle> t = Bars.closes("T", FIRST, closes);
        List<Candle> u = Bars.closes("U", FIRST, closes).stream()
                .map(c -> new Candle("U", c.interval(), c.openTime(), c.open(), c.high(), c.low(), c.close(),
                        c.volume(), c.source()))
                .toList();
        Trails.Day[] days = new Trails.Day[30];
        for (int i = 0; i < days.length; i++) {
            days[i] = day(i < 10 ? 2 * i : 20, 1);
        }
        Trail trail = Trails.trail(FIRST, days);

        StudyResult result = Study.defaults().run(Map.of("T", t, "U", u), ticker -> "Tech",
                ticker -> ticker.equals("T") ? Optional.of(trail) : Optional.empty());

        List<Move> tMoves = result.mining().moves().stream().filter(m -> m.ticker().equals("T")).toList();
        assertThat(tMoves).extracting(Move::direction).contains(MoveDirection.UP, MoveDirection.DOWN);
        assertThat(result.features()).isNotEmpty()
                .allSatisfy(mf -> assertThat(mf.move().ticker()).isEqualTo("T"))
                .allSatisfy(mf -> assertThat(mf.move().startDate()).isAfterOrEqualTo(Trails.weekday(FIRST, 5)));
        assertThat(result.scores().baseline().n()).isEqualTo(result.features().size());
        MoveFeatures up = result.features().stream().filter(mf -> mf.move().direction() == MoveDirection.UP)
                .findFirst().orElseThrow();
        assertThat(up.features().htf().rising()).isTrue();
        assertThat(result.matchedArchetypes(up.features())).contains("bull_state_dominance");
    }
}
