package io.edgeloop.streams;

import io.edgeloop.core.candle.Candle;
import io.edgeloop.core.candle.SessionCalendar;
import io.edgeloop.core.candle.Timeframe;

import java.nio.ByteBuffer;

/**
 * Models that fail on one candle after taking it in (so the model's state is spoiled), for tests
 * of how the processor recovers.
 */
final class FailingModels implements TickerModels {

    private final TickerModels inner;
    private final Candle poisoned;

    FailingModels(TickerModels inner, Candle poisoned) {
        this.inner = inner;
        this.poisoned = poisoned;
    }

    @Override
    public boolean supports(Timeframe base) {
        return inner.supports(base);
    }

    @Override
    public TickerModel create(Timeframe base, SessionCalendar calendar) {
        TickerModel model = inner.create(base, calendar);
        return new TickerModel() {
            @Override
            public void reset() {
                model.reset();
            }

            @Override
            public void restore(byte[] state) {
                model.restore(state);
            }

            @Override
            public byte[] state() {
                return model.state();
            }

            @Override
            public int stateSize() {
                return model.stateSize();
            }

            @Override
            public void writeState(ByteBuffer buffer) {
                model.writeState(buffer);
            }

            @Override
            public void library(PatternLibrary library) {
                model.library(library);
            }

            @Override
            public ModelStep update(Candle candle) {
                ModelStep step = model.update(candle);
                if (candle.equals(poisoned)) {
                    throw new IllegalStateException("poisoned candle " + candle.ticker() + " " + candle.openTime());
                }
                return step;
            }
        };
    }
}
