package io.edgeloop.admin.seed;

import io.edgeloop.core.candle.Candle;
import io.edgeloop.core.outcome.OutcomeCalculator;
import io.edgeloop.core.outcome.PredictionTerms;
import io.edgeloop.core.stats.BetaPosterior;
import io.edgeloop.core.stats.BetaPrior;
import io.edgeloop.core.stats.Interval;
import io.edgeloop.schemas.avro.Confidence;
import io.edgeloop.schemas.avro.ConfidenceLevel;
import io.edgeloop.schemas.avro.Direction;
import io.edgeloop.schemas.avro.Magnitude;
import io.edgeloop.schemas.avro.Outcome;
import io.edgeloop.schemas.avro.OutcomeAction;
import io.edgeloop.schemas.avro.OutcomeStatus;
import io.edgeloop.schemas.avro.PatternMatch;
import io.edgeloop.schemas.avro.PatternStatus;
import io.edgeloop.schemas.avro.Prediction;
import io.edgeloop.schemas.avro.PredictionTrigger;
import io.edgeloop.schemas.avro.ScoreSnapshot;
import io.edgeloop.schemas.avro.Stage;
import io.edgeloop.schemas.avro.StateQuadrant;
import io.edgeloop.schemas.avro.TimeframeProfile;
import io.edgeloop.schemas.avro.TimeframeState;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Model records for the admin's tests, built from real daily candles of the shared data: score
 * snapshots and predictions from {@link TickerTrail} (real indicator values, stand-in scores),
 * outcomes measured by core's {@link OutcomeCalculator} on the real bars after each prediction
 * (predictions whose horizon runs past the data stay open), the seed library with statistics
 * from those outcomes and a small changelog ({@link SeedLibrary}), and signals
 * ({@link SeedSignals}). Confidence of a prediction uses only outcomes resolved before its bar.
 */
public final class RealSeed {

    /** Pattern a prediction matches when its snapshot's state is both-bull. */
    public static final String BULL_PATTERN = "bull_state_dominance";
    /** Pattern a prediction matches when its snapshot's state is both-bear. */
    public static final String BEAR_PATTERN = "bear_state_dominance";

    public final Map<String, List<Candle>> daily;
    public final Map<String, TickerTrail> trails = new LinkedHashMap<>();
    public final List<io.edgeloop.schemas.avro.Candle> candles = new ArrayList<>();
    public final List<ScoreSnapshot> scores = new ArrayList<>();
    public final List<Prediction> predictions = new ArrayList<>();
    public final List<Outcome> outcomes = new ArrayList<>();
    public final SeedLibrary library;
    public final SeedSignals signals;

    private record Draft(TickerTrail.Flip flip, String ticker, Optional<io.edgeloop.core.outcome.Outcome> outcome) {
        Instant time() {
            return Instant.ofEpochMilli(flip.bar().candle().openTime());
        }
    }

    private RealSeed(Map<String, List<Candle>> daily) {
        this.daily = daily;
        daily.forEach((ticker, bars) -> trails.put(ticker, TickerTrail.of(ticker, bars)));
        OutcomeCalculator calculator = OutcomeCalculator.withDefaults();
        List<Draft> drafts = new ArrayList<>();
        trails.forEach((ticker, trail) -> trail.flips().forEach(flip -> drafts.add(new Draft(flip, ticker,
                calculator.resolve(terms(ticker, flip), daily.get(ticker), List.of())))));
        drafts.sort(Comparator.comparing(Draft::time).thenComparing(Draft::ticker));
        Instant degradeAt = drafts.get(drafts.size() * 3 / 4).time();
        this.library = new SeedLibrary(degradeAt);
        for (Draft d : drafts) {
            Prediction p = prediction(d, drafts);
            predictions.add(p);
            d.outcome().ifPresent(o -> outcomes.add(outcome(o, p)));
        }
        Instant end = daily.values().stream().map(bars -> Instant.ofEpochMilli(bars.get(bars.size() - 1).openTime()))
                .max(Comparator.naturalOrder()).orElseThrow();
        library.build(outcomes, end);
        trails.forEach((ticker, trail) -> {
            daily.get(ticker).forEach(c -> candles.add(avroCandle(c)));
            trail.bars().forEach(b -> scores.add(snapshot(ticker, b)));
        });
        this.signals = new SeedSignals(trails);
    }

    /** The seed from the first {@code tickers} tickers of universe-daily, {@code bars} daily bars each. */
    public static RealSeed build(int tickers, int bars) {
        return new RealSeed(RealCandles.universe(tickers, bars));
    }

    private static PredictionTerms terms(String ticker, TickerTrail.Flip flip) {
        Candle c = flip.bar().candle();
        return PredictionTerms.withDefaultHorizon(id(ticker, c.openTime(), flip.bull()), ticker, c.openTime(),
                flip.bull() ? io.edgeloop.core.rules.Direction.UP : io.edgeloop.core.rules.Direction.DOWN, c.close());
    }

    static String id(String ticker, long time, boolean bull) {
        return ticker + "-" + Instant.ofEpochMilli(time) + "-" + (bull ? "STATE_FLIP_BULL" : "STATE_FLIP_BEAR");
    }

    private Prediction prediction(Draft d, List<Draft> all) {
        TickerTrail.Bar bar = d.flip().bar();
        long version = library.versionAt(d.time());
        List<PatternMatch> matched = matches(bar.state(), version);
        String pattern = matched.isEmpty() ? null : matched.get(0).getPatternId();
        long hits = 0;
        long n = 0;
        for (Draft other : all) {
            if (other.outcome().isPresent() && other.outcome().get().resolvedAt() < d.time().toEpochMilli()
                    && pattern != null && pattern.equals(patternOf(other.flip().bar().state()))) {
                n++;
                hits += other.outcome().get().hit() ? 1 : 0;
            }
        }
        BetaPosterior posterior = BetaPosterior.of(BetaPrior.UNIFORM, hits, n);
        Interval interval = posterior.credibleInterval(0.95);
        double mean = posterior.mean();
        Confidence confidence = Confidence.newBuilder()
                .setLevel(mean > 0.7 ? ConfidenceLevel.HIGH : mean > 0.4 ? ConfidenceLevel.MEDIUM : ConfidenceLevel.LOW)
                .setPosteriorMean(mean).setLower(interval.lower()).setUpper(interval.upper()).setN((int) n)
                .setPatternId(pattern).build();
        Candle c = bar.candle();
        return Prediction.newBuilder()
                .setId(id(d.ticker(), c.openTime(), d.flip().bull()))
                .setTicker(d.ticker())
                .setBarTime(Instant.ofEpochMilli(c.openTime()))
                .setTrigger(d.flip().bull() ? PredictionTrigger.STATE_FLIP_BULL : PredictionTrigger.STATE_FLIP_BEAR)
                .setFromValue(bar.prevState())
                .setToValue(bar.state())
                .setDirection(d.flip().bull() ? Direction.UP : Direction.DOWN)
                .setHorizonDays(PredictionTerms.DEFAULT_HORIZON_DAYS)
                .setEntryPrice(c.close())
                .setConfidence(confidence)
                .setSnapshot(snapshot(d.ticker(), bar))
                .setMatchedPatterns(matched)
                .setLibraryVersion(version)
                .build();
    }

    static String patternOf(String state) {
        return switch (state) {
            case "HTF_BULL_LTF_BULL" -> BULL_PATTERN;
            case "HTF_BEAR_LTF_BEAR" -> BEAR_PATTERN;
            default -> null;
        };
    }

    private List<PatternMatch> matches(String state, long version) {
        String id = patternOf(state);
        if (id == null) {
            return List.of();
        }
        boolean degraded = id.equals(BEAR_PATTERN) && version >= 2;
        return List.of(PatternMatch.newBuilder().setPatternId(id).setVersion(degraded ? 2 : 1)
                .setDirection(id.equals(BULL_PATTERN) ? Direction.UP : Direction.DOWN)
                .setStatus(degraded ? PatternStatus.DEGRADED : PatternStatus.ACTIVE).setConfidence(null).build());
    }

    private Outcome outcome(io.edgeloop.core.outcome.Outcome o, Prediction p) {
        return Outcome.newBuilder()
                .setPredictionId(o.predictionId())
                .setTicker(o.ticker())
                .setDirection(Direction.valueOf(o.direction().name()))
                .setHorizonDays(o.horizonDays())
                .setPredictionTime(Instant.ofEpochMilli(o.predictionTime()))
                .setResolvedTime(Instant.ofEpochMilli(o.resolvedAt()))
                .setStatus(OutcomeStatus.valueOf(o.status().name()))
                .setReason(null)
                .setEntryPrice(o.entryPrice())
                .setExitPrice(o.exitPrice())
                .setReturnPct(o.returnPct())
                .setMfePct(o.mfePct())
                .setMaePct(o.maePct())
                .setTimeToPeakDays(o.timeToPeakDays())
                .setHit(o.hit())
                .setMagnitude(Magnitude.valueOf(o.magnitude().name()))
                .setAction(OutcomeAction.valueOf(o.action().name()))
                .setTradeId(null)
                .setMatchedPatterns(p.getMatchedPatterns())
                .setLibraryVersion(p.getLibraryVersion())
                .build();
    }

    private static io.edgeloop.schemas.avro.Candle avroCandle(Candle c) {
        return io.edgeloop.schemas.avro.Candle.newBuilder().setTicker(c.ticker()).setInterval("D")
                .setOpenTime(Instant.ofEpochMilli(c.openTime())).setOpen(c.open()).setHigh(c.high()).setLow(c.low())
                .setClose(c.close()).setVolume(c.volume()).setSource(c.source()).build();
    }

    private ScoreSnapshot snapshot(String ticker, TickerTrail.Bar b) {
        Candle c = b.candle();
        Instant time = Instant.ofEpochMilli(c.openTime());
        TimeframeState daily = TimeframeState.newBuilder().setTf("D").setOpenTime(time).setClosed(true)
                .setClose(c.close()).setEma21(b.ema21()).setEma48(b.ema48()).setAtr14(b.atr14()).setRsi14(b.rsi14())
                .setScore(b.ltf()).build();
        long version = library.versionAt(time);
        return ScoreSnapshot.newBuilder()
                .setTicker(ticker).setBarTime(time).setInterval("D")
                .setProfile(TimeframeProfile.newBuilder().setLtf(List.of("D")).setHtf(List.of("W", "M")).build())
                .setHtfScore(b.htf()).setLtfScore(b.ltf()).setHtfChange(b.htfChange()).setLtfChange(b.ltfChange())
                .setState(StateQuadrant.valueOf(b.state()))
                .setPrevState(b.prevState() == null ? null : StateQuadrant.valueOf(b.prevState()))
                .setStage(Stage.valueOf(b.stage()))
                .setPrevStage(b.prevStage() == null ? null : Stage.valueOf(b.prevStage()))
                .setPhase(null).setPhaseZone(null).setCompletion(null).setRank(null)
                .setMomentumElite(false).setSignalCount(0).setClose(c.close()).setRsi(b.rsi14())
                .setVolumeRatio(null).setAtrRatio(null).setPnlPct(null)
                .setTimeframes(List.of(daily))
                .setMatchedPatterns(matches(b.state(), version))
                .setLibraryVersion(version)
                .build();
    }
}
