package io.edgeloop.streams;

import io.edgeloop.core.candle.SessionCalendar;
import io.edgeloop.core.candle.Timeframe;

/** Makes {@link TickerModel}s: the one seam where the topology meets core's engine. */
interface TickerModels {

    /** True when the model can run on this base interval (intraday frames and D). */
    boolean supports(Timeframe base);

    /** A fresh model for one base interval and session calendar. */
    TickerModel create(Timeframe base, SessionCalendar calendar);
}
