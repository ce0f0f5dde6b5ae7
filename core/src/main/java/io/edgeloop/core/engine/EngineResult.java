package io.edgeloop.core.engine;

import io.edgeloop.core.model.EntryPath;
import io.edgeloop.core.model.Kanban;
import io.edgeloop.core.model.ModelInput;
import io.edgeloop.core.model.PatternMatches;
import io.edgeloop.core.model.PositionEvent;
import io.edgeloop.core.model.Profile;
import io.edgeloop.core.model.Stage;
import io.edgeloop.core.model.StateQuadrant;
import io.edgeloop.core.model.TickerModel;
import io.edgeloop.core.snapshot.Snapshot;

/**
 * What one base candle did to a ticker, owned and reused by its {@link TickerEngine}: valid until
 * the engine's next call, so copy what must be kept ({@link Snapshot#copy()}).
 *
 * <p>When {@link #accepted()} is false the candle was ignored ({@link #ignored()} says why) and
 * nothing else in the result is meaningful; the engine's state did not change. Otherwise:
 * <ul>
 *   <li>{@link #snapshot()}: every field for this bar;</li>
 *   <li>{@link #matches()}: the patterns that matched it;</li>
 *   <li>events: {@link #stageChanged()} (with {@link #previousStage()} and {@link #stage()}),
 *   {@link #stateFlipped()} (HTF side bull &lt;-&gt; bear between consecutive bars, with
 *   {@link #previousState()} and {@link #state()}), and {@link #positionEvent()} (open, trim,
 *   close of the paper position, with its direction, entry, size and P&amp;L);</li>
 *   <li>{@link #input()}: each frame's bundle as it stood, its bar's open time and whether that
 *   bar was closed or forming, for per-timeframe reports.</li>
 * </ul>
 */
public final class EngineResult {

    /** Why a candle was ignored. */
    public enum Ignored {
        /** Accepted. */
        NONE,
        /** Its open time was not after the previous accepted candle's. */
        OUT_OF_ORDER,
        /** An intraday candle outside the instrument's regular session. */
        OUTSIDE_SESSION,
        /** A second candle of a base period already taken (same trade date, same intraday bucket). */
        SAME_PERIOD
    }

    private final TickerModel model;
    private final Snapshot snapshot;
    private final PatternMatches matches;
    private final ModelInput input;
    private Ignored ignored = Ignored.NONE;
    private long time;

    EngineResult(TickerModel model, Snapshot snapshot, PatternMatches matches, ModelInput input) {
        this.model = model;
        this.snapshot = snapshot;
        this.matches = matches;
        this.input = input;
    }

    void accept(long barTime) {
        ignored = Ignored.NONE;
        time = barTime;
    }

    void ignore(Ignored reason, long barTime) {
        ignored = reason;
        time = barTime;
    }

    public boolean accepted() {
        return ignored == Ignored.NONE;
    }

    public Ignored ignored() {
        return ignored;
    }

    /** Open time of the candle (epoch ms). */
    public long time() {
        return time;
    }

    public Profile profile() {
        return model.profile();
    }

    public Snapshot snapshot() {
        return snapshot;
    }

    public PatternMatches matches() {
        return matches;
    }

    public ModelInput input() {
        return input;
    }

    public Stage stage() {
        return model.kanban().stage();
    }

    /** Stage before this bar; null for the ticker's first bar. */
    public Stage previousStage() {
        return model.kanban().previousStage();
    }

    /** True when the stage differs from the previous bar's (never on the first bar). */
    public boolean stageChanged() {
        Stage previous = previousStage();
        return previous != null && previous != stage();
    }

    /** State quadrant, null while a score is warming up. */
    public StateQuadrant state() {
        return model.state();
    }

    public StateQuadrant previousState() {
        return model.previousState();
    }

    /** True when the HTF side flipped between bull and bear states at this bar. */
    public boolean stateFlipped() {
        return model.stateFlipped();
    }

    public PositionEvent positionEvent() {
        return model.kanban().event();
    }

    /** The kanban lane and paper position (direction, entry, size, stop, P&amp;L). */
    public Kanban kanban() {
        return model.kanban();
    }

    /** Entry path of a position opened at this bar, else null. */
    public EntryPath entryPath() {
        return model.kanban().entryPath();
    }
}
