package io.edgeloop.core.outcome;

import io.edgeloop.core.candle.Candle;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/** Invariants of outcomes over many real predictions drawn from the shared daily history. */
class OutcomePropertyTest {

    private static final List<String> TICKERS = List.of("SPY", "NVDA", "TSLA", "GLD", "USO");
    private static final OutcomeCalculator CALC = OutcomeCalculator.withDefaults();

    private static PredictionTerms termsAt(List<Candle> bars, int i, Direction direction, int horizon) {
        Candle bar = bars.get(i);
        return new PredictionTerms(bar.ticker() + "@" + bar.openTime(), bar.ticker(), bar.openTime(), direction,
                bar.close(), horizon);
    }

    @Property(tries = 300, seed = "20260418")
    void outcomeDependsOnlyOnTheHorizonBarsAfterThePrediction(
            @ForAll @IntRange(min = 0, max = 4) int tickerIndex,
            @ForAll @IntRange(min = 30, max = 100_000) int position,
            @ForAll Direction direction,
            @ForAll @IntRange(min = 1, max = 10) int horizon) {
        List<Candle> bars = HistoryDaily.load(TICKERS.get(tickerIndex));
        int i = position % (bars.size() - horizon - 20);
        PredictionTerms terms = termsAt(bars, i, direction, horizon);

        List<Candle> around = bars.subList(Math.max(0, i - 250), Math.min(bars.size(), i + 250));
        Optional<Outcome> full = CALC.resolve(terms, around, List.of());
        Optional<Outcome> horizonOnly = CALC.resolve(terms, bars.subList(i + 1, i + 1 + horizon), List.of());
        List<Candle> noFuture = new ArrayList<>(bars.subList(Math.max(0, i - 250), i + 1 + horizon));
        Collections.shuffle(noFuture, new Random(position));
        Optional<Outcome> shuffledNoFuture = CALC.resolve(terms, noFuture, List.of());

        assertThat(full).isPresent();
        assertThat(horizonOnly).isEqualTo(full);
        assertThat(shuffledNoFuture).isEqualTo(full);
        assertThat(CALC.resolve(terms, bars.subList(Math.max(0, i - 250), i + horizon), List.of())).isEmpty();
    }

    @Property(tries = 200, seed = "7")
    void incrementalWithByteRoundTripsEqualsBatch(
            @ForAll @IntRange(min = 0, max = 4) int tickerIndex,
            @ForAll @IntRange(min = 30, max = 100_000) int position,
            @ForAll Direction direction,
            @ForAll @IntRange(min = 1, max = 10) int horizon) {
        List<Candle> bars = HistoryDaily.load(TICKERS.get(tickerIndex));
        int i = position % (bars.size() - horizon - 20);
        PredictionTerms terms = termsAt(bars, i, direction, horizon);
        OutcomeConfig config = CALC.config();

        PendingOutcome pending = PendingOutcome.open(terms, config);
        Optional<Outcome> streamed = Optional.empty();
        for (Candle bar : bars.subList(i - 3, i + horizon + 3)) {
            pending = PendingOutcome.fromBytes(pending.toBytes(), config);
            pending.onDailyCandle(bar);
            if (streamed.isEmpty()) {
                streamed = pending.tryResolve(bar.openTime());
            }
        }

        Outcome batch = CALC.resolve(terms, bars.subList(i - 30, i + horizon + 1), List.of()).orElseThrow();
        assertThat(streamed).contains(batch);
        assertThat(batch.mfePct()).isGreaterThanOrEqualTo(0.0).isGreaterThanOrEqualTo(batch.returnPct());
        assertThat(batch.maePct()).isLessThanOrEqualTo(0.0).isLessThanOrEqualTo(batch.returnPct());
        assertThat(batch.timeToPeakDays()).isBetween(0, horizon);
    }
}
