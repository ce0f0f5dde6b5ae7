package io.edgeloop.core.mining;

import io.edgeloop.core.candle.Candle;
import io.edgeloop.core.snapshot.Fields.Family;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static io.edgeloop.core.mining.Trails.day;

/** A small study over built bars and a hand-built trail, for report tests. */
public final class StudyFixtures {

    private StudyFixtures() {
    }

    /**
     * Two tickers with the same saw-tooth closes (up 8%, down 8%, every few days); one has a
     * trail whose HTF rises before up legs and falls before down legs, the other none.
     */
    public static StudyResult withTrail() {
        LocalDate first = LocalDate.of(2025, 6, 9);
        int n = 80;
        double[] closes = new double[n];
        Trails.Day[] days = new Trails.Day[n];
        for (int i = 0; i < n; i++) {
            int phase = i % 8;
            closes[i] = phase < 4 ? 100 + phase * 2.5 : 110 - (phase - 4) * 2.5;
            double htf = phase < 4 ? 5 + phase * 4 : 20 - (phase - 4) * 6;
            double ltf = phase % 2 == 0 ? 3 : -3;
            days[i] = day(htf, ltf);
            if (phase == 3) {
                days[i].ltf(Family.ST_FLIP, -1).elite();
            }
            if (phase == 7) {
                days[i].ltf(Family.SQ_RELEASE, 1).htf(Family.EMA_CROSS, 1);
            }
            days[i].completion(phase / 8.0).phase(phase / 8.0, phase >= 6 ? "HIGH" : "LOW").rank(20 + phase * 5);
        }
        Map<String, List<Candle>> bars = new HashMap<>();
        bars.put("SAW", Bars.closes("SAW", first, closes));
        bars.put("NOTRAIL", Bars.closes("NOTRAIL", first, closes));
        Trail trail = Trails.trail(first, days);
        return Study.defaults().run(bars, t -> t.equals("SAW") ? "Tech" : null,
                t -> t.equals("SAW") ? Optional.of(trail) : Optional.empty());
    }
}
