package io.edgeloop.core.report;

import io.edgeloop.core.mining.ArchetypeScore;
import io.edgeloop.core.mining.Bias;
import io.edgeloop.core.mining.Move;
import io.edgeloop.core.mining.StudyResult;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/** Figures shared by the Markdown and HTML findings, so both show the same numbers. */
final class FindingsData {

    static final int TOP_MOVES = 15;

    private FindingsData() {
    }

    static List<Charts.Bar> byWindow(StudyResult study) {
        List<Charts.Bar> bars = new ArrayList<>();
        Map<Integer, long[]> counts = study.mining().countsByWindow();
        for (int w : study.miningConfig().windows()) {
            long[] c = counts.getOrDefault(w, new long[2]);
            bars.add(new Charts.Bar(w + "-day window", c[0], c[1]));
        }
        return bars;
    }

    /** Sectors by total moves, largest first. */
    static List<Charts.Bar> bySector(StudyResult study) {
        List<Charts.Bar> bars = new ArrayList<>();
        for (Map.Entry<String, long[]> e : study.mining().countsBySector().entrySet()) {
            bars.add(new Charts.Bar(e.getKey(), e.getValue()[0], e.getValue()[1]));
        }
        bars.sort(Comparator.comparingLong(Charts.Bar::total).reversed().thenComparing(Charts.Bar::label));
        return bars;
    }

    /** The largest moves by absolute size; ties by ticker and date. */
    static List<Move> topMoves(StudyResult study) {
        return study.mining().moves().stream()
                .sorted(Comparator.comparingDouble(Move::sizePct).reversed().thenComparing(Move::ticker)
                        .thenComparing(Move::startDate))
                .limit(TOP_MOVES).toList();
    }

    static List<Charts.Interval> archetypeIntervals(StudyResult study) {
        List<Charts.Interval> rows = new ArrayList<>();
        for (ArchetypeScore a : study.scores().archetypes()) {
            rows.add(new Charts.Interval(a.name(), a.stats().n(), a.stats().upPct(), a.stats().upLowPct(),
                    a.stats().upHighPct(), colour(a.bias())));
        }
        return rows;
    }

    static List<Charts.Lift> lift(StudyResult study) {
        return study.scores().lift().stream()
                .map(l -> new Charts.Lift(l.feature(), l.present().n(), l.liftPts())).toList();
    }

    static String colour(Bias bias) {
        return switch (bias) {
            case BULLISH -> Charts.UP;
            case BEARISH -> Charts.DOWN;
            case NEUTRAL -> Charts.NEUTRAL;
        };
    }

    /** First and last start date of the moves, or null when there are none. */
    static LocalDate[] range(StudyResult study) {
        LocalDate first = null;
        LocalDate last = null;
        for (Move m : study.mining().moves()) {
            first = first == null || m.startDate().isBefore(first) ? m.startDate() : first;
            last = last == null || m.startDate().isAfter(last) ? m.startDate() : last;
        }
        return first == null ? null : new LocalDate[] {first, last};
    }
}
