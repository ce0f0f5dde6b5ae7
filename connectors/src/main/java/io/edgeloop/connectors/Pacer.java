package io.edgeloop.connectors;

/**
 * The replay schedule: when (in {@link System#nanoTime()} terms) each bar is due. Call
 * {@link #due} once per bar, in emission order, with the time read at that call (not one taken
 * before a slow scan: the schedule starts at the first call's {@code nowNanos}, and a start in
 * the past makes the bars of the time in between due at once); the first bar is due at once.
 * Per task.
 *
 * <ul>
 *   <li>{@link PacingMode#NONE}: every bar is due at once.</li>
 *   <li>{@link PacingMode#BARS_PER_SECOND} with rate N: {@code due_i = due_{i-1} + 1/N s}.</li>
 *   <li>{@link PacingMode#REALTIME_FACTOR} with factor F: event time runs F times faster than the
 *       wall clock, {@code due_i = due_{i-1} + min((t_i - t_{i-1}) / F, maxGap)}, where {@code t} is
 *       the bar's event time (its close) and negative steps count as 0. This is the usual
 *       market-replay definition (a recorded session played back at F x speed); the cap keeps
 *       nights, weekends and holidays from stalling a demo.</li>
 * </ul>
 * In both paced modes a schedule that fell behind (the producer blocked) catches up by at most
 * one second's worth of bars: {@code due_i = max(due_i, now - 1 s)}.
 * Not thread-safe; the task's poll thread owns it.
 */
public final class Pacer {

    private static final double NANOS_PER_SECOND = 1e9;
    private static final double NANOS_PER_MILLI = 1e6;

    private final PacingMode mode;
    private final double periodNanos;
    private final double factor;
    private final double maxGapNanos;
    private boolean started;
    private double lastDue;
    private long lastEventTime;

    private Pacer(PacingMode mode, double periodNanos, double factor, double maxGapNanos) {
        this.mode = mode;
        this.periodNanos = periodNanos;
        this.factor = factor;
        this.maxGapNanos = maxGapNanos;
    }

    /** No pacing. */
    public static Pacer none() {
        return new Pacer(PacingMode.NONE, 0, 1, 0);
    }

    /** N bars a second. */
    public static Pacer barsPerSecond(double barsPerSecond) {
        if (!(barsPerSecond > 0) || Double.isInfinite(barsPerSecond)) {
            throw new IllegalArgumentException("bars per second must be a positive number, got " + barsPerSecond);
        }
        return new Pacer(PacingMode.BARS_PER_SECOND, NANOS_PER_SECOND / barsPerSecond, 1, 0);
    }

    /** Event time F times faster than real time; wall waits capped at {@code maxGapMillis}. */
    public static Pacer realtimeFactor(double factor, long maxGapMillis) {
        if (!(factor > 0) || Double.isInfinite(factor)) {
            throw new IllegalArgumentException("realtime factor must be a positive number, got " + factor);
        }
        if (maxGapMillis < 0) {
            throw new IllegalArgumentException("max gap must not be negative, got " + maxGapMillis);
        }
        return new Pacer(PacingMode.REALTIME_FACTOR, 0, factor, maxGapMillis * NANOS_PER_MILLI);
    }

    public PacingMode mode() {
        return mode;
    }

    /**
     * When the next bar is due, and advances the schedule past it.
     *
     * @param eventTimeMillis the bar's event time (close time), epoch ms
     * @param nowNanos        the current {@link System#nanoTime()}, read for this call
     * @return the nano time at which to emit the bar; at or before {@code nowNanos} means now
     */
    public long due(long eventTimeMillis, long nowNanos) {
        if (mode == PacingMode.NONE) {
            return nowNanos;
        }
        double due;
        if (!started) {
            due = nowNanos;
            started = true;
        } else {
            double step = mode == PacingMode.BARS_PER_SECOND ? periodNanos
                    : Math.min(Math.max(0, eventTimeMillis - lastEventTime) * NANOS_PER_MILLI / factor, maxGapNanos);
            due = Math.max(lastDue + step, nowNanos - NANOS_PER_SECOND);
        }
        lastDue = due;
        lastEventTime = eventTimeMillis;
        return (long) due;
    }
}
