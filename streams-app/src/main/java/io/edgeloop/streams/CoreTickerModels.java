package io.edgeloop.streams;

import io.edgeloop.core.candle.Candle;
import io.edgeloop.core.candle.SessionCalendar;
import io.edgeloop.core.candle.Timeframe;
import io.edgeloop.core.engine.EngineResult;
import io.edgeloop.core.engine.PatternMatcher;
import io.edgeloop.core.engine.TickerEngine;
import io.edgeloop.core.indicators.TimeframeBundle;
import io.edgeloop.core.model.ModelConfig;
import io.edgeloop.core.model.PatternMatches;
import io.edgeloop.core.snapshot.Snapshot;

import java.nio.ByteBuffer;
import java.util.List;

/**
 * {@link TickerModels} on core's {@link TickerEngine}: the production model. The engine does
 * the aggregation, indicators, scores, pattern matching and kanban; this adapter only restores
 * and saves its state and reads its result.
 */
final class CoreTickerModels implements TickerModels {

    private final ModelConfig config;

    private CoreTickerModels(ModelConfig config) {
        this.config = config;
    }

    /** The models of the settings' model configuration. */
    static CoreTickerModels of(StreamsSettings settings) {
        return new CoreTickerModels(settings.model());
    }

    @Override
    public boolean supports(Timeframe base) {
        return base.intraday() || base == Timeframe.D1;
    }

    @Override
    public TickerModel create(Timeframe base, SessionCalendar calendar) {
        return new Model(new TickerEngine(base, calendar, config, PatternMatcher.NONE));
    }

    /** One ticker's engine (a model per ticker and base interval), with the step it exposes. */
    private static final class Model implements TickerModel, ModelStep {
        private static final PositionEvent[] EVENTS = EnumMapping.byOrdinal(
                io.edgeloop.core.model.PositionEvent.class, PositionEvent.class);
        private final TickerEngine engine;
        private final byte[] fresh;
        private PatternLibrary library;
        private EngineResult result;

        Model(TickerEngine engine) {
            this.engine = engine;
            this.fresh = engine.toBytes();
        }

        @Override
        public void reset() {
            engine.read(fresh);
        }

        @Override
        public void restore(byte[] state) {
            engine.read(state);
        }

        @Override
        public byte[] state() {
            return engine.toBytes();
        }

        @Override
        public int stateSize() {
            return engine.size();
        }

        @Override
        public void writeState(ByteBuffer buffer) {
            engine.write(buffer);
        }

        @Override
        public void library(PatternLibrary newLibrary) {
            if (newLibrary != library) {
                library = newLibrary;
                engine.matcher(new LibraryMatcher(newLibrary));
            }
        }

        @Override
        public ModelStep update(Candle candle) {
            result = engine.update(candle);
            return this;
        }

        @Override
        public boolean accepted() {
            return result.accepted();
        }

        @Override
        public String ignoredReason() {
            return result.accepted() ? "" : result.ignored().name();
        }

        @Override
        public Snapshot snapshot() {
            return result.snapshot();
        }

        @Override
        public List<Timeframe> ltf() {
            return result.profile().ltf();
        }

        @Override
        public List<Timeframe> htf() {
            return result.profile().htf();
        }

        @Override
        public TimeframeBundle frame(Timeframe tf) {
            return result.input().view(tf);
        }

        @Override
        public long frameOpenTime(Timeframe tf) {
            return result.input().openTime(tf);
        }

        @Override
        public boolean frameClosed(Timeframe tf) {
            return result.input().viewClosed(tf);
        }

        @Override
        public int matchCount() {
            return result.matches().size();
        }

        @Override
        public int matchPosition(int i) {
            return result.matches().position(i);
        }

        @Override
        public PositionEvent positionEvent() {
            return EVENTS[result.positionEvent().ordinal()];
        }

        @Override
        public int positionDirection() {
            return result.kanban().direction();
        }

        @Override
        public long entryTime() {
            return result.kanban().entryTime();
        }

        @Override
        public double positionSize() {
            return result.kanban().size();
        }

        @Override
        public double pnlPct() {
            return result.kanban().pnlPct();
        }
    }

    /**
     * The engine's view of a {@link PatternLibrary}: every pattern in library (id) order, with
     * its direction, its posterior mean as confidence (NaN without outcomes) and whether it may
     * boost (ACTIVE only).
     */
    private static final class LibraryMatcher implements PatternMatcher {
        private final PatternLibrary library;
        private final int[] scratch;

        LibraryMatcher(PatternLibrary library) {
            this.library = library;
            this.scratch = new int[library.size()];
        }

        @Override
        public int size() {
            return library.size();
        }

        @Override
        public void match(Snapshot snapshot, PatternMatches out) {
            out.clear();
            int n = library.match(snapshot, scratch);
            for (int i = 0; i < n; i++) {
                PatternLibrary.Entry e = library.entry(scratch[i]);
                out.add(scratch[i], e.sign(), e.confidence(), e.boosts());
            }
        }
    }
}
