package io.edgeloop.core.engine;

import io.edgeloop.core.candle.Candle;
import io.edgeloop.core.candle.SessionCalendar;
import io.edgeloop.core.model.ModelConfig;
import io.edgeloop.core.model.PositionEvent;
import io.edgeloop.core.model.Stage;
import io.edgeloop.core.model.StateQuadrant;
import io.edgeloop.core.rules.SeedPatterns;
import io.edgeloop.core.snapshot.Snapshot;
import io.edgeloop.core.stats.BetaPrior;

import java.util.ArrayList;
import java.util.List;

/** Engines on real files, and the per-bar facts tests compare. */
final class EngineRuns {

    private EngineRuns() {
    }

    /** A fresh engine for a file's candles, matching the 17 seed patterns. */
    static TickerEngine engineFor(List<Candle> candles) {
        Candle first = candles.get(0);
        return new TickerEngine(first.interval(), SessionCalendar.forTicker(first.ticker()), ModelConfig.defaults(),
                LibraryPatternMatcher.of(SeedPatterns.all(), BetaPrior.UNIFORM));
    }

    /** What one accepted bar produced, copied out of the reused result. */
    record Bar(long time, Snapshot snapshot, int[] matches, Stage stage, Stage previousStage, StateQuadrant state,
               boolean stateFlipped, PositionEvent event) {

        static Bar of(EngineResult r) {
            int[] m = new int[r.matches().size()];
            for (int i = 0; i < m.length; i++) {
                m[i] = r.matches().position(i);
            }
            return new Bar(r.time(), r.snapshot().copy(), m, r.stage(), r.previousStage(), r.state(),
                    r.stateFlipped(), r.positionEvent());
        }

        boolean sameAs(Bar o) {
            return time == o.time && snapshot.equals(o.snapshot) && java.util.Arrays.equals(matches, o.matches)
                    && stage == o.stage && previousStage == o.previousStage && state == o.state
                    && stateFlipped == o.stateFlipped && event == o.event;
        }
    }

    /** Runs candles[from, to) through the engine, returning each accepted bar. */
    static List<Bar> run(TickerEngine engine, List<Candle> candles, int from, int to) {
        List<Bar> bars = new ArrayList<>();
        for (int i = from; i < to; i++) {
            EngineResult r = engine.update(candles.get(i));
            if (r.accepted()) {
                bars.add(Bar.of(r));
            }
        }
        return bars;
    }
}
