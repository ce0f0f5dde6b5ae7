package io.edgeloop.core.retro;

import io.edgeloop.core.candle.Candle;
import io.edgeloop.core.mining.ArchetypeConfig;
import io.edgeloop.core.mining.LeadUpConfig;
import io.edgeloop.core.mining.LeadUpExtractor;
import io.edgeloop.core.mining.LeadUpFeatures;
import io.edgeloop.core.mining.MiningConfig;
import io.edgeloop.core.mining.MiningResult;
import io.edgeloop.core.mining.Move;
import io.edgeloop.core.mining.MoveFeatures;
import io.edgeloop.core.mining.MoveMiner;
import io.edgeloop.core.mining.ScoringConfig;
import io.edgeloop.core.mining.Study;
import io.edgeloop.core.mining.StudyResult;
import io.edgeloop.core.mining.Trail;
import io.edgeloop.core.rules.CompiledRule;
import io.edgeloop.core.rules.PatternDefinition;
import io.edgeloop.core.rules.PatternStatus;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * The weekly retrospective as plain Java: the same code runs on files ({@code edgeloop retro})
 * and in the service against topics. One run:
 * <ol>
 *   <li>cuts the data at the as-of date (default: the latest bar), so nothing after it is used;</li>
 *   <li>runs the study (move mining, lead-up features, archetype scores) over all that data;</li>
 *   <li>re-scores every library pattern on the prior and recent windows ({@link PatternRescorer});</li>
 *   <li>discovers candidates among the lookback's moves ({@link CandidateDiscovery});</li>
 *   <li>tests market, sector and pattern regimes ({@link RegimeDetector});</li>
 *   <li>turns the verdicts into proposals with their evidence.</li>
 * </ol>
 */
public final class Retrospective {

    /** Calendar days before the prior window whose bars its second mining reads (start buckets are 3 weekdays). */
    private static final int PRIOR_LEAD_DAYS = 14;

    private final RetroConfig config;
    private final MiningConfig mining;
    private final Study study;
    private final LeadUpExtractor leadUp;
    private final List<DiscoveryFeature> features;

    public Retrospective(RetroConfig config, MiningConfig mining, LeadUpConfig leadUp, ArchetypeConfig archetypes,
                         ScoringConfig scoring) {
        this.config = Objects.requireNonNull(config, "config");
        this.mining = Objects.requireNonNull(mining, "mining");
        this.study = new Study(mining, leadUp, archetypes, scoring);
        this.leadUp = new LeadUpExtractor(leadUp);
        this.features = FeatureRules.standard(leadUp);
    }

    /** The original study's settings and the default retrospective. */
    public static Retrospective defaults(RetroConfig config) {
        return new Retrospective(config, MiningConfig.defaults(), LeadUpConfig.defaults(), ArchetypeConfig.defaults(),
                ScoringConfig.defaults());
    }

    public RetroConfig config() {
        return config;
    }

    /**
     * Runs the retrospective.
     *
     * @param dailyBars daily bars per ticker, ascending, one per exchange date
     * @param sectorOf  ticker to sector (null when unknown)
     * @param trails    the score trails; {@link TrailSource#NONE} leaves re-scoring and
     *                  discovery without data (regimes of moves still run)
     * @param library   the pattern library to re-score and to check coverage against
     * @param asOf      the last date to use; empty for the latest bar of any ticker
     */
    public RetroResult run(Map<String, List<Candle>> dailyBars, Function<String, String> sectorOf, TrailSource trails,
                           List<PatternDefinition> library, Optional<LocalDate> asOf) {
        LocalDate date = asOf.orElseGet(() -> latest(dailyBars));
        Map<String, List<Candle>> cut = cut(dailyBars, date);
        Map<String, Optional<Trail>> cache = new HashMap<>();
        Function<String, Optional<Trail>> trailOf = t -> cache.computeIfAbsent(t, trails::trail);
        StudyResult studied = study.run(cut, sectorOf, trailOf);
        RetroWindows windows = RetroWindows.of(date, config);
        List<Move> counted = windowMoves(mining, studied.mining(), cut, sectorOf, windows);
        List<MoveFeatures> sample = windowSample(studied.features(), counted,
                m -> trailOf.apply(m.ticker()).flatMap(trail -> leadUp.extract(m, trail)));

        List<TickerView> views = views(cut, sectorOf, trailOf);
        List<CandidateDiscovery.PatternCoverage> coverage = coverage(library, sample, trailOf);

        List<PatternRescore> rescoring = new PatternRescorer(config, mining.minMovePct()).rescore(library, views, windows);
        DiscoveryResult discovery = new CandidateDiscovery(config).discover(sample, windows, features, coverage);
        RegimeReport regime = new RegimeDetector(config).detect(counted, windows, sample, coverage);
        List<Proposal> proposals = new RetroProposals(config, windows, mining.minMovePct())
                .build(rescoring, discovery, regime);
        return new RetroResult(config, windows, studied, sample, views.size(), rescoring, discovery, regime, proposals,
                notes(views, sample, studied, windows));
    }

    /**
     * Seeding: judges every non-retired library pattern on the whole history up to the as-of date
     * ({@link PatternSeeding}), for proposals that seed or re-seed the library.
     *
     * @param dailyBars daily bars per ticker, ascending, one per exchange date
     * @param sectorOf  ticker to sector (null when unknown)
     * @param trails    the score trails
     * @param library   the patterns to judge
     * @param asOf      the last date to use; empty for the latest bar of any ticker
     */
    public SeedResult seed(Map<String, List<Candle>> dailyBars, Function<String, String> sectorOf, TrailSource trails,
                           List<PatternDefinition> library, Optional<LocalDate> asOf) {
        LocalDate date = asOf.orElseGet(() -> latest(dailyBars));
        Map<String, List<Candle>> cut = cut(dailyBars, date);
        List<TickerView> views = views(cut, sectorOf, trails::trail);
        LocalDate from = cut.values().stream().map(bars -> Bars.date(bars.get(0))).min(LocalDate::compareTo)
                .orElse(date);
        PatternSeeding seeding = new PatternSeeding(config, mining.minMovePct());
        List<PatternEdge> edges = seeding.judge(library, views, date);
        return new SeedResult(from, date, views.size(), edges, seeding.proposals(edges, date, from));
    }

    /**
     * Each window's moves as the end of that window saw them, so both windows are cut alike: a move
     * is found only once its forward window has closed, and the recent window's last sessions only
     * hold the short moves that closed by the as-of date. The recent window's moves are those of the
     * study (mined on the bars up to the as-of date); the prior window's are mined again on the bars
     * up to its own last date. Taken from the study alone, a prior move that started near its
     * window's end would be measured with bars of the recent window, which the recent window's own
     * late moves never get, and the two windows' UP shares would differ by that alone.
     *
     * <p>The second mining reads only the prior window and the two weeks before it (enough for the
     * start buckets that straddle its first day) of each ticker the study mined: the same moves as
     * mining all bars up to the window's end, since a start's candidates read only the bars after it
     * and a start bucket does not depend on where a series begins.
     */
    static List<Move> windowMoves(MiningConfig mining, MiningResult study, Map<String, List<Candle>> cut,
                                  Function<String, String> sectorOf, RetroWindows windows) {
        Set<String> excluded = new HashSet<>();
        study.exclusions().forEach(e -> excluded.add(e.ticker()));
        MoveMiner miner = new MoveMiner(mining);
        List<Move> out = new ArrayList<>();
        cut.forEach((ticker, bars) -> {
            if (excluded.contains(ticker)) {
                return;
            }
            List<Candle> prior = bars.subList(Bars.endIndex(bars, windows.priorFrom().minusDays(PRIOR_LEAD_DAYS)),
                    Bars.endIndex(bars, windows.priorTo()));
            for (Move m : miner.moves(ticker, MoveMiner.sectorName(sectorOf, ticker), prior)) {
                if (windows.of(m.startDate()) == RetroWindows.Window.PRIOR) {
                    out.add(m);
                }
            }
        });
        for (Move m : study.moves()) {
            if (windows.of(m.startDate()) == RetroWindows.Window.RECENT) {
                out.add(m);
            }
        }
        return out;
    }

    /**
     * The lookback's sample: every move its windows count ({@link #windowMoves}) with its lead-up
     * features, so pattern coverage, the regime test's pattern family and candidate discovery see
     * both windows cut alike. A move the study found as it is keeps the study's features; a prior
     * move the second mining found otherwise (a start near the prior window's end, whose study
     * move ran on into the recent window) gets its own from {@code leadUp} (empty without a
     * trail): dropping it would leave the prior window without the late starts the recent window
     * keeps.
     */
    static List<MoveFeatures> windowSample(List<MoveFeatures> features, List<Move> counted,
                                           Function<Move, Optional<LeadUpFeatures>> leadUp) {
        Map<Move, MoveFeatures> studied = new HashMap<>();
        features.forEach(f -> studied.put(f.move(), f));
        List<MoveFeatures> sample = new ArrayList<>();
        for (Move m : counted) {
            MoveFeatures f = studied.get(m);
            if (f != null) {
                sample.add(f);
            } else {
                leadUp.apply(m).ifPresent(lf -> sample.add(new MoveFeatures(m, lf)));
            }
        }
        return sample;
    }

    /** Each ticker's bars up to and including {@code date}; tickers without any are left out. */
    private static Map<String, List<Candle>> cut(Map<String, List<Candle>> dailyBars, LocalDate date) {
        Map<String, List<Candle>> cut = new TreeMap<>();
        dailyBars.forEach((ticker, bars) -> {
            int end = Bars.endIndex(bars, date);
            if (end > 0) {
                cut.put(ticker, bars.subList(0, end));
            }
        });
        return cut;
    }

    /** The tickers with a trail, each with its prices and sector. */
    private static List<TickerView> views(Map<String, List<Candle>> cut, Function<String, String> sectorOf,
                                          Function<String, Optional<Trail>> trailOf) {
        List<TickerView> views = new ArrayList<>();
        cut.forEach((ticker, bars) -> trailOf.apply(ticker).ifPresent(trail ->
                views.add(TickerView.of(ticker, sectorOf.apply(ticker), new PriceSeries(bars), trail))));
        return views;
    }

    /** Each non-retired pattern's matches over the sample: its rule on the move's start-day snapshot. */
    private static List<CandidateDiscovery.PatternCoverage> coverage(List<PatternDefinition> library,
                                                                     List<MoveFeatures> sample,
                                                                     Function<String, Optional<Trail>> trailOf) {
        List<CandidateDiscovery.PatternCoverage> out = new ArrayList<>();
        for (PatternDefinition p : library) {
            if (p.status() == PatternStatus.RETIRED) {
                continue;
            }
            CompiledRule rule = CompiledRule.compile(p.rule());
            BitSet matches = new BitSet(sample.size());
            for (int i = 0; i < sample.size(); i++) {
                MoveFeatures m = sample.get(i);
                Trail trail = trailOf.apply(m.move().ticker()).orElseThrow();
                if (rule.matches(trail.at(trail.dayOf(m.move().startDate())))) {
                    matches.set(i);
                }
            }
            out.add(new CandidateDiscovery.PatternCoverage(p.id(), p.direction(), matches));
        }
        return out;
    }

    private static List<String> notes(List<TickerView> views, List<MoveFeatures> sample, StudyResult studied,
                                      RetroWindows windows) {
        List<String> notes = new ArrayList<>();
        if (views.isEmpty()) {
            notes.add("No score trail: patterns were not re-scored and no candidates were searched; only the "
                    + "regimes of moves were tested.");
        }
        long inLookback = studied.mining().moves().stream().filter(m -> windows.contains(m.startDate())).count();
        if (inLookback == 0) {
            notes.add("No move starts in the lookback " + windows.describe() + ".");
        } else if (!views.isEmpty() && sample.isEmpty()) {
            notes.add("The trails cover none of the lookback's " + inLookback + " moves.");
        }
        return notes;
    }

    private static LocalDate latest(Map<String, List<Candle>> bars) {
        return bars.values().stream().filter(l -> !l.isEmpty()).map(l -> Bars.date(l.get(l.size() - 1)))
                .max(LocalDate::compareTo)
                .orElseThrow(() -> new IllegalArgumentException("no bars: nothing to look back on"));
    }
}
