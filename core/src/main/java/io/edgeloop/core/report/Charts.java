package io.edgeloop.core.report;

import java.util.List;

/**
 * The findings' figures as inline SVG: stacked UP/DOWN bars, hit rates with interval whiskers,
 * and diverging lift bars. Every row carries its n.
 */
final class Charts {

    static final String UP = "#2e7d32";
    static final String DOWN = "#c62828";
    static final String NEUTRAL = "#5c6b7a";
    private static final String GRID = "#d0d5da";
    private static final int WIDTH = 880;
    private static final int LABEL = 230;
    private static final int PLOT = 390;
    private static final int ROW = 24;
    private static final int TOP = 34;

    private Charts() {
    }

    /** A bar of UP and DOWN counts. */
    record Bar(String label, long up, long down) {
        long total() {
            return up + down;
        }
    }

    /** A hit rate with its interval; {@code colour} by expected direction. */
    record Interval(String label, int n, double valuePct, double lowPct, double highPct, String colour) {
    }

    /** A lift in percentage points. */
    record Lift(String label, int n, double liftPts) {
    }

    /** Horizontal stacked bars, UP then DOWN, each row labelled with both counts. */
    static String stackedBars(String title, List<Bar> bars) {
        long max = Math.max(1, bars.stream().mapToLong(Bar::total).max().orElse(1));
        Svg svg = new Svg(WIDTH, TOP + bars.size() * ROW + 10, title);
        legend(svg, new String[] {"UP", "DOWN"}, new String[] {UP, DOWN});
        for (int i = 0; i < bars.size(); i++) {
            Bar bar = bars.get(i);
            double y = TOP + i * ROW;
            double upW = PLOT * (double) bar.up() / max;
            double downW = PLOT * (double) bar.down() / max;
            svg.text(LABEL - 8, y + 16, bar.label(), "end", "label");
            svg.rect(LABEL, y + 4, upW, ROW - 8, UP, bar.label() + ": " + Fmt.count(bar.up()) + " UP");
            svg.rect(LABEL + upW, y + 4, downW, ROW - 8, DOWN, bar.label() + ": " + Fmt.count(bar.down()) + " DOWN");
            svg.text(LABEL + upW + downW + 6, y + 16, Fmt.count(bar.up()) + " up / " + Fmt.count(bar.down())
                    + " down (n=" + Fmt.count(bar.total()) + ")", "start", "value");
        }
        return svg.end();
    }

    /** Dot-and-whisker hit rates on a 0..100% axis with a dashed base-rate line. */
    static String intervals(String title, List<Interval> rows, double basePct) {
        int height = TOP + rows.size() * ROW + 10;
        Svg svg = new Svg(WIDTH, height, title);
        for (int tick = 0; tick <= 100; tick += 25) {
            double x = LABEL + PLOT * tick / 100.0;
            svg.line(x, TOP - 4, x, height - 8, GRID, 1, false);
            svg.text(x, TOP - 8, tick + "%", "middle", "axis");
        }
        if (!Double.isNaN(basePct)) {
            double x = LABEL + PLOT * basePct / 100.0;
            svg.line(x, TOP - 4, x, height - 8, NEUTRAL, 1.5, true);
            svg.text(x + 4, 12, "base rate " + Fmt.pct(basePct), "start", "axis");
        }
        for (int i = 0; i < rows.size(); i++) {
            Interval r = rows.get(i);
            double y = TOP + i * ROW + ROW / 2.0;
            svg.text(LABEL - 8, y + 4, r.label(), "end", "label");
            if (r.n() == 0) {
                svg.text(LABEL + 4, y + 4, "n=0, no match", "start", "muted");
                continue;
            }
            double lo = LABEL + PLOT * r.lowPct() / 100.0;
            double hi = LABEL + PLOT * r.highPct() / 100.0;
            String tip = r.label() + ": " + Fmt.pct(r.valuePct()) + " UP, interval " + Fmt.interval(r.lowPct(),
                    r.highPct()) + ", n=" + r.n();
            svg.line(lo, y, hi, y, r.colour(), 2, false);
            svg.line(lo, y - 5, lo, y + 5, r.colour(), 2, false);
            svg.line(hi, y - 5, hi, y + 5, r.colour(), 2, false);
            svg.circle(LABEL + PLOT * r.valuePct() / 100.0, y, 5, r.colour(), tip);
            svg.text(LABEL + PLOT + 10, y + 4, Fmt.pct(r.valuePct()) + " (n=" + Fmt.count(r.n()) + ")", "start",
                    "value");
        }
        return svg.end();
    }

    /** Bars left (negative) or right (positive) of a zero line, in percentage points. */
    static String diverging(String title, List<Lift> rows) {
        double max = 5;
        for (Lift r : rows) {
            if (!Double.isNaN(r.liftPts())) {
                max = Math.max(max, Math.abs(r.liftPts()));
            }
        }
        int height = TOP + rows.size() * ROW + 10;
        Svg svg = new Svg(WIDTH, height, title);
        double zero = LABEL + PLOT / 2.0;
        svg.line(zero, TOP - 4, zero, height - 8, NEUTRAL, 1, false);
        svg.text(zero, TOP - 8, "0", "middle", "axis");
        svg.text(LABEL, TOP - 8, Fmt.signed(-max) + " pts", "start", "axis");
        svg.text(LABEL + PLOT, TOP - 8, Fmt.signed(max) + " pts", "end", "axis");
        for (int i = 0; i < rows.size(); i++) {
            Lift r = rows.get(i);
            double y = TOP + i * ROW;
            svg.text(LABEL - 8, y + 16, r.label(), "end", "label");
            if (r.n() == 0 || Double.isNaN(r.liftPts())) {
                svg.text(zero + 4, y + 16, "n=0", "start", "muted");
                continue;
            }
            double w = PLOT / 2.0 * Math.abs(r.liftPts()) / max;
            boolean positive = r.liftPts() >= 0;
            svg.rect(positive ? zero : zero - w, y + 4, w, ROW - 8, positive ? UP : DOWN,
                    r.label() + ": " + Fmt.signed(r.liftPts()) + " pts, n=" + r.n());
            svg.text(LABEL + PLOT + 10, y + 16, Fmt.signed(r.liftPts()) + " pts (n=" + Fmt.count(r.n()) + ")",
                    "start", "value");
        }
        return svg.end();
    }

    private static void legend(Svg svg, String[] names, String[] colours) {
        double x = LABEL;
        for (int i = 0; i < names.length; i++) {
            svg.rect(x, 8, 12, 12, colours[i], null);
            svg.text(x + 16, 18, names[i], "start", "axis");
            x += 70;
        }
    }
}
