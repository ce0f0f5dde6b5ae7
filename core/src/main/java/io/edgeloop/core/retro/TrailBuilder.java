package io.edgeloop.core.retro;

import io.edgeloop.core.candle.Candle;
import io.edgeloop.core.candle.SessionCalendar;
import io.edgeloop.core.candle.Timeframe;
import io.edgeloop.core.engine.EngineResult;
import io.edgeloop.core.engine.LibraryPatternMatcher;
import io.edgeloop.core.engine.PatternMatcher;
import io.edgeloop.core.engine.TickerEngine;
import io.edgeloop.core.mining.Trail;
import io.edgeloop.core.model.ModelConfig;
import io.edgeloop.core.rules.PatternDefinition;
import io.edgeloop.core.snapshot.Snapshot;
import io.edgeloop.core.stats.BetaPrior;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Score trails recomputed from daily candles by the scoring engine: each ticker's bars go
 * through a fresh {@link TickerEngine} on the daily profile (LTF = D, HTF = W and M aggregated
 * from the daily bars on the ticker's session calendar), and the trail keeps the snapshot of every
 * accepted bar: the snapshot as of that day's close, which is what the streams app publishes to
 * {@code scores} for a daily feed, with the same engine and the same pattern library (matches move
 * the kanban, so the stage fields depend on the library). A trail is built when it is first asked
 * for; the source does not cache it (the retrospective asks once per ticker).
 */
public final class TrailBuilder implements TrailSource {

    private final Map<String, List<Candle>> dailyBars;
    private final ModelConfig config;
    private final Supplier<PatternMatcher> matcher;

    /**
     * @param dailyBars normalised daily bars per ticker, ascending
     * @param config    the model's settings
     * @param library   the patterns the engine matches (as the streams app does)
     * @param prior     Beta prior of the matcher's confidence posterior
     */
    public TrailBuilder(Map<String, List<Candle>> dailyBars, ModelConfig config, List<PatternDefinition> library,
                        BetaPrior prior) {
        this.dailyBars = Objects.requireNonNull(dailyBars, "dailyBars");
        this.config = Objects.requireNonNull(config, "config");
        List<PatternDefinition> patterns = List.copyOf(library);
        this.matcher = () -> LibraryPatternMatcher.of(patterns, prior);
    }

    @Override
    public Optional<Trail> trail(String ticker) {
        List<Candle> bars = dailyBars.get(ticker);
        return bars == null || bars.isEmpty() ? Optional.empty() : Optional.of(build(ticker, bars, config, matcher.get()));
    }

    /**
     * One ticker's trail: a snapshot per accepted daily bar, dated by the bar's exchange date.
     *
     * @throws IllegalArgumentException when a bar is not daily or the engine refuses its values
     */
    public static Trail build(String ticker, List<Candle> bars, ModelConfig config, PatternMatcher matcher) {
        TickerEngine engine = new TickerEngine(Timeframe.D1, SessionCalendar.forTicker(ticker), config, matcher);
        List<LocalDate> dates = new ArrayList<>(bars.size());
        List<Snapshot> snapshots = new ArrayList<>(bars.size());
        for (Candle c : bars) {
            if (c.interval() != Timeframe.D1) {
                throw new IllegalArgumentException("a trail is built from daily bars; " + ticker + " has a "
                        + c.interval().code() + " bar at " + c.openTime());
            }
            EngineResult r = engine.update(c);
            if (r.accepted()) {
                dates.add(Bars.date(c));
                snapshots.add(r.snapshot().copy());
            }
        }
        return new ListTrail(dates, snapshots);
    }

    /** A trail over lists built here (dates ascending by construction), without Trail.of's copies. */
    private record ListTrail(List<LocalDate> dates, List<Snapshot> snapshots) implements Trail {
        @Override
        public int size() {
            return dates.size();
        }

        @Override
        public LocalDate date(int day) {
            return dates.get(day);
        }

        @Override
        public Snapshot at(int day) {
            return snapshots.get(day);
        }
    }
}
