package io.edgeloop.core.retro;

import io.edgeloop.core.mining.Trail;

/** One ticker as the retrospective sees it: its sector, daily prices up to the as-of date and its trail. */
record TickerView(String ticker, String sector, PriceSeries prices, Trail trail) {
}
