package io.edgeloop.streams;

import io.edgeloop.core.candle.Candle;
import io.edgeloop.core.candle.SessionCalendar;
import io.edgeloop.core.candle.Timeframe;
import io.edgeloop.core.indicators.TimeframeBundle;
import io.edgeloop.core.snapshot.Fields;
import io.edgeloop.core.snapshot.Snapshot;

import java.nio.ByteBuffer;
import java.util.List;
import java.util.function.IntFunction;

/**
 * A model whose stage and state follow a script by bar number (1 = the ticker's first accepted
 * bar), for tests of the Kafka shell that need exact control of when a stage changes. The
 * position follows the stages like the kanban's: OPEN into ENTER (long when the state is bull,
 * else short), TRIM into TRIM, CLOSE into EXIT. Patterns are matched on the scripted snapshot.
 */
final class ScriptedModels implements TickerModels {

    /** What the script says about one bar. */
    record Bar(String stage, String state) {
    }

    private final IntFunction<Bar> script;

    ScriptedModels(IntFunction<Bar> script) {
        this.script = script;
    }

    /**
     * A repeating 12-bar cycle: watch x3, setup, enter, hold x2, trim, hold, exit, watch x2; the
     * state is bull for bars 1..8 of each 16 and bear for the rest.
     */
    static ScriptedModels cycle() {
        List<String> stages = List.of("watch", "watch", "watch", "setup", "enter", "hold", "hold", "trim", "hold",
                "exit", "watch", "watch");
        return new ScriptedModels(n -> new Bar(stages.get((n - 1) % stages.size()),
                (n - 1) % 16 < 8 ? "HTF_BULL_LTF_BULL" : "HTF_BEAR_LTF_BEAR"));
    }

    @Override
    public boolean supports(Timeframe base) {
        return base.intraday() || base == Timeframe.D1;
    }

    @Override
    public TickerModel create(Timeframe base, SessionCalendar calendar) {
        return new Model(base, script);
    }

    private static final class Model implements TickerModel, ModelStep {
        private final Timeframe base;
        private final IntFunction<Bar> script;
        private final Snapshot snapshot = new Snapshot();
        private final int[] matches = new int[64];
        private PatternLibrary library = PatternLibrary.EMPTY;
        private TimeframeBundle bundle;
        private long openTime;
        private int bars;
        private long entryTime;
        private int direction;
        private double entryPrice = Double.NaN;
        private double size;
        private double pnl = Double.NaN;
        private PositionEvent event = PositionEvent.NONE;
        private int matchCount;

        Model(Timeframe base, IntFunction<Bar> script) {
            this.base = base;
            this.script = script;
        }

        @Override
        public void reset() {
            bars = 0;
            entryTime = 0;
            direction = 0;
            entryPrice = Double.NaN;
            size = 0;
        }

        @Override
        public void restore(byte[] state) {
            ByteBuffer b = ByteBuffer.wrap(state);
            bars = b.getInt();
            entryTime = b.getLong();
            direction = b.getInt();
            entryPrice = b.getDouble();
            size = b.getDouble();
        }

        @Override
        public byte[] state() {
            return ByteBuffer.allocate(32).putInt(bars).putLong(entryTime).putInt(direction).putDouble(entryPrice)
                    .putDouble(size).array();
        }

        @Override
        public int stateSize() {
            return 32;
        }

        @Override
        public void writeState(ByteBuffer buffer) {
            buffer.put(state());
        }

        @Override
        public void library(PatternLibrary newLibrary) {
            library = newLibrary;
        }

        @Override
        public ModelStep update(Candle candle) {
            bars++;
            Bar now = script.apply(bars);
            Bar before = bars == 1 ? null : script.apply(bars - 1);
            snapshot.clear();
            snapshot.set(Fields.CLOSE, candle.close());
            snapshot.setCategory(Fields.STAGE, now.stage());
            snapshot.setCategory(Fields.STATE, now.state());
            snapshot.set(Fields.HTF_SCORE, now.state().startsWith("HTF_BULL") ? 20 : -20);
            snapshot.set(Fields.LTF_SCORE, now.state().endsWith("LTF_BULL") ? 10 : -10);
            if (before != null) {
                snapshot.setCategory(Fields.PREV_STAGE, before.stage());
                snapshot.setCategory(Fields.PREV_STATE, before.state());
            }
            event = PositionEvent.NONE;
            pnl = Double.NaN;
            if (before != null && before.stage().equals("exit")) {
                size = 0;
            }
            boolean changed = before != null && !before.stage().equals(now.stage());
            if (changed && now.stage().equals("enter")) {
                event = PositionEvent.OPEN;
                entryTime = candle.openTime();
                entryPrice = candle.close();
                direction = now.state().startsWith("HTF_BULL") ? 1 : -1;
                size = 1;
                pnl = 0;
            } else if (changed && now.stage().equals("trim") && size > 0) {
                event = PositionEvent.TRIM;
                size = 0.5;
                pnl = direction * (candle.close() / entryPrice - 1) * 100;
            } else if (changed && now.stage().equals("exit") && size > 0) {
                event = PositionEvent.CLOSE;
                pnl = direction * (candle.close() / entryPrice - 1) * 100;
            } else if (size > 0) {
                pnl = direction * (candle.close() / entryPrice - 1) * 100;
            }
            if (size > 0) {
                snapshot.set(Fields.PNL_PCT, pnl);
            }
            matchCount = library.match(snapshot, matches);
            bundle = new TimeframeBundle();
            bundle.update(candle.open(), candle.high(), candle.low(), candle.close(), candle.volume());
            openTime = candle.openTime();
            return this;
        }

        @Override
        public boolean accepted() {
            return true;
        }

        @Override
        public String ignoredReason() {
            return "";
        }

        @Override
        public Snapshot snapshot() {
            return snapshot;
        }

        @Override
        public List<Timeframe> ltf() {
            return List.of(base);
        }

        @Override
        public List<Timeframe> htf() {
            return List.of();
        }

        @Override
        public TimeframeBundle frame(Timeframe tf) {
            return bundle;
        }

        @Override
        public long frameOpenTime(Timeframe tf) {
            return openTime;
        }

        @Override
        public boolean frameClosed(Timeframe tf) {
            return true;
        }

        @Override
        public int matchCount() {
            return matchCount;
        }

        @Override
        public int matchPosition(int i) {
            return matches[i];
        }

        @Override
        public PositionEvent positionEvent() {
            return event;
        }

        @Override
        public int positionDirection() {
            return direction;
        }

        @Override
        public long entryTime() {
            return entryTime;
        }

        @Override
        public double positionSize() {
            return size;
        }

        @Override
        public double pnlPct() {
            return pnl;
        }
    }
}
