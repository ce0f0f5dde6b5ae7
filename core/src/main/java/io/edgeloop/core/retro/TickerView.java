package io.edgeloop.core.retro;

import io.edgeloop.core.mining.Trail;

/**
 * One ticker as the retrospective sees it: its sector, daily prices up to the as-of date and its
 * trail, with the index in {@code prices} of each trail date's bar ({@code -1}: no bar that date),
 * looked up once here rather than once per pattern.
 */
record TickerView(String ticker, String sector, PriceSeries prices, Trail trail, int[] trailBars) {

    static TickerView of(String ticker, String sector, PriceSeries prices, Trail trail) {
        int[] bars = new int[trail.size()];
        for (int d = 0; d < bars.length; d++) {
            bars[d] = prices.indexOf(trail.date(d));
        }
        return new TickerView(ticker, sector, prices, trail, bars);
    }

    /** Index in {@link #prices} of the bar of trail day {@code d}, or -1. */
    int barOf(int d) {
        return trailBars[d];
    }
}
