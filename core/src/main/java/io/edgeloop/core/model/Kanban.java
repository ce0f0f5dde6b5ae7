package io.edgeloop.core.model;

import java.nio.ByteBuffer;

/**
 * The kanban lane of one ticker and its paper position (MODEL_REFERENCE "Kanban"), one step per
 * base bar. Long rules are listed; a short mirrors them (scores, corridors and P&amp;L negated,
 * RSI 30 for 70), with no momentum-elite path (the screen measures a rise).
 *
 * <p><b>Without a position</b> the direction is the HTF side ({@code dir = +1} when HTF &gt;= 0):
 * <pre>{@code
 *   ENTER when all of
 *       a trigger in dir is fresh: at most 7 days old and not used by an earlier entry
 *       completion(dir) <= 0.5   (<= 0.7 in a pullback state)
 *       risk/reward >= 1.5
 *     and one entry path holds
 *       PULLBACK  HTF >= 10, LTF in [-25, 3], and a confirming signal in dir: an LTF squeeze
 *                 release, SuperTrend flip or EMA cross, or a confident matching pattern
 *       RANK      rank >= 85
 *       SQUEEZE   a squeeze released on an LTF frame in dir
 *       ELITE     momentum elite and rank >= 70                                (long only)
 *   SETUP when in the corridor (long: HTF > 0, LTF in [-10, 22]; short: HTF < 0, LTF in [-12, 10])
 *       or >= 2 confident patterns of dir (boosting, confidence > 0.55) with HTF >= 15 in dir
 *   WATCH otherwise, and while a score is still warming up
 * }</pre>
 * ENTER opens the position at the close; its stop is the primary SuperTrend line when it points
 * in dir on the right side of the close, else 1 x daily ATR14 away; the stop then trails the
 * line while it points in dir.
 *
 * <p><b>With a position</b> stages only move forward ({@code next = max(stage, HOLD, candidate)}):
 * <pre>{@code
 *   EXIT    close beyond the stop, or P&L <= -4%                       (closes the position)
 *   TRIM    primary RSI >= 70, completion(dir) >= 0.85, P&L >= 5%, or an opposing LTF
 *           SuperTrend flip while in profit                          (halves it, once)
 *   DEFEND  P&L <= -2%, loss of trigger (the HTF side turned against dir), or weakening momentum
 *           in profit (primary momentum against dir while P&L > 0)
 *   HOLD    otherwise
 * }</pre>
 * After EXIT the next bar starts over from the flat rules.
 *
 * <p>Pattern awareness (only boosting, i.e. ACTIVE, patterns count): confident patterns promote
 * WATCH to SETUP as above and count as the pullback path's confirming signal. A prediction's
 * confidence is not the kanban's: streams-app takes the best matching pattern's posterior.
 */
public final class Kanban {

    private static final long DAY_MS = 86_400_000L;

    private final ModelConfig.Kanban k;
    private final ModelConfig.Move move;

    private Stage stage = Stage.WATCH;
    private boolean started;
    private boolean open;
    private int direction;
    private double entryPrice = Double.NaN;
    private long entryTime = MoveTracker.NONE;
    private double stop = Double.NaN;
    private double size;
    private final long[] consumed = {MoveTracker.NONE, MoveTracker.NONE};

    private Stage previous;
    private PositionEvent event = PositionEvent.NONE;
    private EntryPath path;
    private double pnlPct = Double.NaN;

    Kanban(ModelConfig config) {
        this.k = config.kanban();
        this.move = config.move();
    }

    /** Moves the lane by one bar. */
    void step(BarFacts f, MoveTracker moves, PatternMatches matches) {
        previous = started ? stage : null;
        started = true;
        event = PositionEvent.NONE;
        path = null;
        pnlPct = Double.NaN;
        if (open) {
            stepOpen(f, moves);
        } else {
            stepFlat(f, moves, matches);
        }
    }

    private void stepOpen(BarFacts f, MoveTracker moves) {
        int dir = direction;
        double pnl = dir * (f.close / entryPrice - 1) * 100 + 0.0;
        pnlPct = pnl;
        double line = f.primaryStLine;
        if (f.primaryStDir == dir && dir * (f.close - line) > 0 && (Double.isNaN(stop) || dir * (line - stop) > 0)) {
            stop = line;
        }
        Stage candidate;
        if (dir * (f.close - stop) < 0 || pnl <= k.exitLossPct()) {
            candidate = Stage.EXIT;
        } else if (trim(f, moves, dir, pnl)) {
            candidate = Stage.TRIM;
        } else if (defend(f, dir, pnl)) {
            candidate = Stage.DEFEND;
        } else {
            candidate = Stage.HOLD;
        }
        Stage next = max(max(stage, Stage.HOLD), candidate);
        if (next == Stage.TRIM && stage != Stage.TRIM) {
            event = PositionEvent.TRIM;
            size = size / 2;
        } else if (next == Stage.EXIT) {
            event = PositionEvent.CLOSE;
            open = false;
        }
        stage = next;
    }

    private boolean trim(BarFacts f, MoveTracker moves, int dir, double pnl) {
        boolean rsiExtreme = dir > 0 ? f.primaryRsi >= k.trimRsiHigh() : f.primaryRsi <= k.trimRsiLow();
        return rsiExtreme
                || moves.completion(dir, f.close) >= k.trimCompletion()
                || pnl >= k.trimProfitPct()
                || (BarFacts.in(f.flipLtf, -dir) && pnl > 0);
    }

    private boolean defend(BarFacts f, int dir, double pnl) {
        boolean triggerLost = f.state != null && f.state.htfSign() != dir;
        boolean weakening = pnl > 0 && dir * f.primaryMom < 0;
        return pnl <= k.defendLossPct() || triggerLost || weakening;
    }

    private void stepFlat(BarFacts f, MoveTracker moves, PatternMatches matches) {
        if (f.state == null) {
            stage = Stage.WATCH;
            return;
        }
        int dir = f.state.htfSign();
        double htf = dir * f.htf;
        double ltf = dir * f.ltf;
        int confident = matches.confidentCount(dir, k.patternConfidence());
        EntryPath entry = entryPath(f, moves, dir, htf, ltf, confident);
        if (entry != null) {
            openPosition(f, moves, dir, entry, matches);
            stage = Stage.ENTER;
        } else if (inCorridor(dir, f.htf, f.ltf) || (confident >= k.patternCount() && htf >= k.patternMinHtf())) {
            stage = Stage.SETUP;
        } else {
            stage = Stage.WATCH;
        }
    }

    private EntryPath entryPath(BarFacts f, MoveTracker moves, int dir, double htf, double ltf, int confident) {
        long trigger = moves.triggerTime(dir);
        boolean fresh = trigger != MoveTracker.NONE && trigger > consumed[slot(dir)]
                && f.time - trigger <= move.freshTriggerDays() * DAY_MS;
        double completion = moves.completion(dir, f.close);
        double maxCompletion = f.state.pullback() ? k.maxCompletionPullback() : k.maxCompletion();
        if (!fresh || !(completion <= maxCompletion) || !(f.riskReward >= k.minRiskReward())) {
            return null;
        }
        // Mirrored LTF band: a short's pullback is LTF in [-high, -low].
        boolean confirmed = BarFacts.in(f.releaseLtf, dir) || BarFacts.in(f.flipLtf, dir) || BarFacts.in(f.crossLtf, dir)
                || confident > 0;
        if (htf >= k.pullbackMinHtf() && ltf >= k.pullbackLtfLow() && ltf <= k.pullbackLtfHigh() && confirmed) {
            return EntryPath.PULLBACK;
        }
        if (f.rank >= k.rankEntry()) {
            return EntryPath.RANK;
        }
        if (BarFacts.in(f.releaseLtf, dir) && htf > 0) {
            return EntryPath.SQUEEZE;
        }
        if (dir > 0 && f.elite && f.rank >= k.eliteRank()) {
            return EntryPath.MOMENTUM_ELITE;
        }
        return null;
    }

    private boolean inCorridor(int dir, double htf, double ltf) {
        if (dir > 0) {
            return htf > 0 && ltf >= k.longCorridorLow() && ltf <= k.longCorridorHigh();
        }
        return htf < 0 && ltf >= k.shortCorridorLow() && ltf <= k.shortCorridorHigh();
    }

    private void openPosition(BarFacts f, MoveTracker moves, int dir, EntryPath entry, PatternMatches matches) {
        open = true;
        direction = dir;
        entryPrice = f.close;
        entryTime = f.time;
        size = 1;
        boolean lineStop = f.primaryStDir == dir && dir * (f.close - f.primaryStLine) > 0;
        stop = lineStop ? f.primaryStLine : f.close - dir * f.riskUnit;
        consumed[slot(dir)] = moves.triggerTime(dir);
        event = PositionEvent.OPEN;
        path = entry;
        pnlPct = 0;
    }

    private static int slot(int dir) {
        return dir > 0 ? 0 : 1;
    }

    private static Stage max(Stage a, Stage b) {
        return a.compareTo(b) >= 0 ? a : b;
    }

    /** Stage after the last step. */
    public Stage stage() {
        return stage;
    }

    /** Whether the lane has moved at least once (a previous stage exists for the next step). */
    boolean started() {
        return started;
    }

    /** Stage before the last step; null at the first step. */
    public Stage previousStage() {
        return previous;
    }

    /** What happened to the position at the last step. */
    public PositionEvent event() {
        return event;
    }

    /** The entry path of a position opened at the last step, else null. */
    public EntryPath entryPath() {
        return path;
    }


    /** True while a position is open (after the last step). */
    public boolean positionOpen() {
        return open;
    }

    /** Direction of the open or just-closed position: +1 long, -1 short, 0 before any. */
    public int direction() {
        return direction;
    }

    /** Entry price of the open or just-closed position. */
    public double entryPrice() {
        return entryPrice;
    }

    /** Entry bar time of the open or just-closed position (epoch ms). */
    public long entryTime() {
        return entryTime;
    }

    /** Remaining size: 1 after entry, 0.5 after trim. */
    public double size() {
        return size;
    }

    /** Current stop price. */
    public double stop() {
        return stop;
    }

    /**
     * P&amp;L in percent in the position's direction at the last step's close (0 on the entry
     * bar, the exit's P&amp;L on the exit bar); NaN when no position was open at that step.
     */
    public double pnlPct() {
        return pnlPct;
    }

    void reset() {
        stage = Stage.WATCH;
        started = false;
        open = false;
        direction = 0;
        entryPrice = Double.NaN;
        entryTime = MoveTracker.NONE;
        stop = Double.NaN;
        size = 0;
        consumed[0] = MoveTracker.NONE;
        consumed[1] = MoveTracker.NONE;
        previous = null;
        event = PositionEvent.NONE;
        path = null;
        pnlPct = Double.NaN;
    }

    int stateSize() {
        return Integer.BYTES * 2 + 2 + Double.BYTES * 3 + Long.BYTES * 3;
    }

    /** Writes the lane (not the last step's event, which is per bar). */
    void write(ByteBuffer buffer) {
        buffer.putInt(stage.ordinal());
        buffer.put((byte) (started ? 1 : 0));
        buffer.put((byte) (open ? 1 : 0));
        buffer.putInt(direction);
        buffer.putDouble(entryPrice);
        buffer.putDouble(stop);
        buffer.putDouble(size);
        buffer.putLong(entryTime);
        buffer.putLong(consumed[0]);
        buffer.putLong(consumed[1]);
    }

    void read(ByteBuffer buffer) {
        int s = buffer.getInt();
        if (s < 0 || s > Stage.EXIT.ordinal()) {
            throw new IllegalStateException("corrupt kanban state: stage " + s);
        }
        stage = Stage.ofIndex(s);
        started = buffer.get() == 1;
        open = buffer.get() == 1;
        direction = buffer.getInt();
        entryPrice = buffer.getDouble();
        stop = buffer.getDouble();
        size = buffer.getDouble();
        entryTime = buffer.getLong();
        consumed[0] = buffer.getLong();
        consumed[1] = buffer.getLong();
        previous = null;
        event = PositionEvent.NONE;
        path = null;
        pnlPct = Double.NaN;
    }
}
