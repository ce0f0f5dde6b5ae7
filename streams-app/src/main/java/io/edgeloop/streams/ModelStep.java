package io.edgeloop.streams;

import io.edgeloop.core.candle.Timeframe;
import io.edgeloop.core.indicators.TimeframeBundle;
import io.edgeloop.core.snapshot.Snapshot;

import java.util.List;

/**
 * What one base candle did to a ticker's model: the snapshot (every field pattern rules read,
 * including stage, previous stage, state and previous state), each frame's indicators as they
 * stood, the patterns that matched and the paper position's event. A view, valid until the
 * model's next update.
 */
interface ModelStep {

    /** What the paper position did at this bar. */
    enum PositionEvent { NONE, OPEN, TRIM, CLOSE }

    /** False when the model ignored the candle (its state did not change). */
    boolean accepted();

    /** Why the candle was ignored; empty when accepted. */
    String ignoredReason();

    Snapshot snapshot();

    /** Frames blended into the LTF score, finest first. */
    List<Timeframe> ltf();

    /** Frames blended into the HTF score, finest first. */
    List<Timeframe> htf();

    /** A frame's indicators as they stood at this bar (closed bar, or the forming bar so far). */
    TimeframeBundle frame(Timeframe tf);

    /** Open time of the frame's bar the values belong to. */
    long frameOpenTime(Timeframe tf);

    /** True when the frame's bar was closed at this bar, false when it was still forming. */
    boolean frameClosed(Timeframe tf);

    /** How many library patterns matched. */
    int matchCount();

    /** Position in the {@link PatternLibrary} of the i-th match (ascending). */
    int matchPosition(int i);

    PositionEvent positionEvent();

    /**
     * Direction of the open or just-closed position: +1 long, -1 short, 0 before the first
     * position. While flat it still names the last position ({@code SnapshotMapping.positionDirection}
     * keeps it to the stages that hold one).
     */
    int positionDirection();

    /** Bar open time at which the open or just-closed position was entered. */
    long entryTime();

    /** Remaining size of the position after this bar: 1 after entry, 0.5 after a trim. */
    double positionSize();

    /** Profit in percent in the position's direction at this bar's close; NaN without a position. */
    double pnlPct();
}
