package io.edgeloop.core.model;

import io.edgeloop.core.candle.Timeframe;
import io.edgeloop.core.indicators.TimeframeBundle;

/**
 * What the model reads at one base bar, filled by the engine and reused from bar to bar: for
 * every frame of the profile the bundle <em>as it stands</em> (the closed-bar bundle when that
 * frame's bar closed with this base bar, else a peek of the forming bar), plus the bar's time,
 * session day, close, and the current session's daily range. Nothing here may depend on a later
 * base bar; that is the engine's no-look-ahead contract.
 */
public final class ModelInput {

    private static final int FRAMES = Timeframe.values().length;

    private final TimeframeBundle[] views = new TimeframeBundle[FRAMES];
    private final TimeframeBundle[] closedBundles = new TimeframeBundle[FRAMES];
    private final boolean[] closedNow = new boolean[FRAMES];
    private final boolean[] viewClosed = new boolean[FRAMES];
    private final long[] openTimes = new long[FRAMES];
    private long time;
    private long sessionDay;
    private double close = Double.NaN;
    private double dayHigh = Double.NaN;
    private double dayLow = Double.NaN;
    private boolean dayClosedNow;

    /**
     * Sets the bar-level facts.
     *
     * @param time       base bar open time, epoch ms (event time)
     * @param sessionDay the session (trade date) the bar belongs to, epoch day
     * @param close      the base bar's close
     */
    public void bar(long time, long sessionDay, double close) {
        this.time = time;
        this.sessionDay = sessionDay;
        this.close = close;
    }

    /**
     * The current session's daily bar so far (or as it closed).
     *
     * @param closedNow true when the current session's daily bar closed with this base bar
     */
    public void day(double high, double low, boolean closedNow) {
        this.dayHigh = high;
        this.dayLow = low;
        this.dayClosedNow = closedNow;
    }

    /**
     * Sets one frame's view.
     *
     * @param view       the frame's indicators as they stand at this base bar: its closed-bar
     *                   bundle when the bar holding this base bar closed with it, else a peek
     *                   of the forming bar
     * @param openTime   open time of the frame's bar the view belongs to
     * @param viewClosed true when the view is a closed bar (false: forming)
     * @param closed     the frame's closed-bar bundle
     * @param closedNow  true when a bar of the frame closed at this base bar (it may be the
     *                   previous period's bar, closed late because its period ended early)
     */
    public void frame(Timeframe tf, TimeframeBundle view, long openTime, boolean viewClosed,
                      TimeframeBundle closed, boolean closedNow) {
        int i = tf.ordinal();
        views[i] = view;
        openTimes[i] = openTime;
        this.viewClosed[i] = viewClosed;
        closedBundles[i] = closed;
        this.closedNow[i] = closedNow;
    }

    /** The frame's bundle as it stands; null when the engine set none. */
    public TimeframeBundle view(Timeframe tf) {
        return views[tf.ordinal()];
    }

    /** True when {@link #view} is a closed bar, false when it is the forming bar as it stands. */
    public boolean viewClosed(Timeframe tf) {
        return viewClosed[tf.ordinal()];
    }

    /** The frame's closed-bar bundle (its last closed bar). */
    public TimeframeBundle closed(Timeframe tf) {
        return closedBundles[tf.ordinal()];
    }

    /** True when a bar of the frame closed at this base bar; {@link #closed} then holds it. */
    public boolean closedNow(Timeframe tf) {
        return closedNow[tf.ordinal()];
    }

    public long openTime(Timeframe tf) {
        return openTimes[tf.ordinal()];
    }

    public long time() {
        return time;
    }

    public long sessionDay() {
        return sessionDay;
    }

    public double close() {
        return close;
    }

    public double dayHigh() {
        return dayHigh;
    }

    public double dayLow() {
        return dayLow;
    }

    public boolean dayClosedNow() {
        return dayClosedNow;
    }
}
