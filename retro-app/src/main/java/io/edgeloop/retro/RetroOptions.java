package io.edgeloop.retro;

import io.edgeloop.core.config.AppConfig;
import io.edgeloop.core.config.Option;
import io.edgeloop.core.mining.MiningConfig;
import io.edgeloop.core.retro.RetroConfig;
import io.edgeloop.core.retro.RetroSchedule;
import io.edgeloop.core.stats.FdrMethod;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * The retrospective's options, shared by the command ({@code edgeloop retro}) and the service
 * ({@link RetroApp}). Each is set in a properties file by name, as {@code APP_<NAME>} in the
 * environment, or as a flag (see {@link AppConfig}).
 *
 * <p><b>Schedule.</b> The service runs the retrospective when its clock passes
 * {@code retro.schedule} (default Fridays 21:15 UTC). With {@code retro.clock=data} (default)
 * the clock is stream time: per topic (candles, scores) the oldest time read on its partitions
 * that are still catching up, or the newest time read once none is; the older of the two topics;
 * so a replay of history runs one retrospective per scheduled week, exactly when
 * the data crosses the instant, however fast it is read. With {@code retro.clock=wall} the
 * clock is the system clock, for a live feed whose candles arrive in real time. Either way a
 * run's as-of date is the scheduled instant's UTC date and it uses no bar after it.
 */
public final class RetroOptions {

    public static final Option<Duration> LOOKBACK = Option.duration("retro.lookback", Duration.ofDays(90),
            "Data-time lookback of the retrospective, in whole days (e.g. 90d).");
    public static final Option<Duration> RECENT = Option.duration("retro.recent", Duration.ofDays(30),
            "The last part of the lookback that forms the recent window (e.g. 30d); the rest is the prior window.");
    public static final Option<Integer> HORIZON = Option.integer("retro.horizon.days", 5,
            "Trading days after a pattern's match within which a significant move in its direction is a hit.");
    public static final Option<Integer> MIN_N = Option.integer("retro.min.n", 5,
            "Fewest observations per window for a two-window test.");
    public static final Option<Double> ALPHA = Option.decimal("retro.alpha", 0.05,
            "Significance of the two-window tests (Benjamini-Hochberg level within patterns and within sectors).");
    public static final Option<Double> FDR = Option.decimal("retro.fdr", 0.10,
            "False-discovery rate of candidate discovery over every feature pair and triple.");
    public static final Option<FdrMethod> FDR_METHOD = new Option<>("retro.fdr.method",
            "BH (Benjamini-Hochberg) or BY (Benjamini-Yekutieli, valid under any dependence).", "BH",
            RetroOptions::fdrMethod);
    public static final Option<Integer> PAIR_MIN_N = Option.integer("retro.pair.min.n", 10,
            "Fewest prior-window moves a feature pair needs to be tested.");
    public static final Option<Integer> TRIPLE_MIN_N = Option.integer("retro.triple.min.n", 8,
            "Fewest prior-window moves a feature triple needs to be tested.");
    public static final Option<Double> OOS_ALPHA = Option.decimal("retro.oos.alpha", 0.05,
            "A discovery holds out of sample when its one-sided binomial p in the recent window is below this.");
    public static final Option<Double> COVERAGE = Option.decimal("retro.coverage", 0.80,
            "A discovery is covered (dropped) when this share of its moves also match one existing pattern.");
    public static final Option<Integer> MAX_PROPOSALS = Option.integer("retro.max.proposals", 5,
            "Most new-pattern proposals per run.");
    public static final Option<String> AS_OF = Option.string("retro.as.of", "",
            "Command only: the as-of date (YYYY-MM-DD); empty for the latest bar.");
    public static final Option<String> LIBRARY = Option.string("retro.library", "",
            "Command only: a JSON file of patterns (core pattern JSON array) to re-score; empty for the seed patterns.");
    public static final Option<RetroSchedule> SCHEDULE = new Option<>("retro.schedule",
            "Service: weekly run time, 'DAY HH:mm' in UTC.", "FRI 21:15", RetroSchedule::parse);
    public static final Option<String> CLOCK = new Option<>("retro.clock",
            "Service: 'data' runs when stream time crosses the schedule (replays), 'wall' on the system clock (live).",
            "data", RetroOptions::clock);
    public static final Option<String> REPORTS_DIR = Option.string("retro.reports.dir", "retro-reports",
            "Service: folder for each run's reports, one sub-folder per as-of date.");
    /** The month beyond the lookback that {@link #KEEP_DAYS} must cover. */
    static final int KEEP_MARGIN_DAYS = 30;
    public static final Option<Integer> KEEP_DAYS = Option.integer("retro.keep.days", 400,
            "Service: calendar days of bars and trail kept per ticker (at least the lookback plus a month, and the"
                    + " year the miner's liquidity rule reads).");

    public static final Option<Integer> STUDY_EVERY_WEEKS = Option.integer("retro.study.every.weeks", 1,
            "Service: write the study of all data up to the as-of date (FINDINGS.md/.html, moves.jsonl, "
                    + "pattern_features.jsonl, pattern_scores.json) with one run in this many weeks (as-of weeks "
                    + "counted from Friday 1970-01-02), RETRO.md/.html and proposals.jsonl with every run. The study "
                    + "grows with the history, so a replay of decades writes gigabytes with every run.");

    public static final Option<Boolean> LIBRARY_FOLLOW = Option.bool("retro.library.follow", true,
            "Service: follow pattern-library as the keeper writes it (true), or read only the records it held when the "
                    + "service started (false: a replay's retrospectives then judge the library as it was before the "
                    + "replay's learning, however fast the keeper runs beside them).");

    /** streams-app's default application id (its consumer group). */
    static final String STREAMS_APP_DEFAULT = "edgeloop-streams";
    public static final Option<String> STREAMS_APPLICATION_ID = Option.string("retro.streams.application.id",
            STREAMS_APP_DEFAULT, "Service, data clock: streams-app's application id; no run goes past a candle read "
                    + "that streams-app has not scored yet (its group's committed offsets on candles), e.g. while it "
                    + "scores a backfill. Empty: do not wait for streams-app (candles without a streams-app).");

    private static final List<Option<?>> ALL = List.of(LOOKBACK, RECENT, HORIZON, MIN_N, ALPHA, FDR, FDR_METHOD,
            PAIR_MIN_N, TRIPLE_MIN_N, OOS_ALPHA, COVERAGE, MAX_PROPOSALS, AS_OF, LIBRARY, SCHEDULE, CLOCK,
            REPORTS_DIR, KEEP_DAYS, STUDY_EVERY_WEEKS, LIBRARY_FOLLOW, STREAMS_APPLICATION_ID);

    private final RetroConfig config;
    private final Optional<LocalDate> asOf;
    private final Optional<String> library;

    private RetroOptions(RetroConfig config, Optional<LocalDate> asOf, Optional<String> library) {
        this.config = Objects.requireNonNull(config, "config");
        this.asOf = Objects.requireNonNull(asOf, "asOf");
        this.library = Objects.requireNonNull(library, "library");
    }

    /** Every option, for {@link AppConfig#resolve} and the help text. */
    public static List<Option<?>> all() {
        return ALL;
    }

    /** The defaults. */
    public static RetroOptions defaults() {
        return new RetroOptions(RetroConfig.defaults(), Optional.empty(), Optional.empty());
    }

    /** The options of a resolved configuration. */
    public static RetroOptions from(AppConfig c) {
        long lookback = wholeDays(LOOKBACK, c.get(LOOKBACK));
        long recent = wholeDays(RECENT, c.get(RECENT));
        RetroConfig config = new RetroConfig((int) lookback, (int) recent, c.get(HORIZON), c.get(MIN_N), c.get(ALPHA),
                c.get(FDR), c.get(FDR_METHOD), c.get(PAIR_MIN_N), c.get(TRIPLE_MIN_N), c.get(OOS_ALPHA),
                c.get(COVERAGE), c.get(MAX_PROPOSALS), 25, 15, 0.95);
        String asOf = c.get(AS_OF).trim();
        String library = c.get(LIBRARY).trim();
        return new RetroOptions(config, asOf.isEmpty() ? Optional.empty() : Optional.of(date(asOf)),
                library.isEmpty() ? Optional.empty() : Optional.of(library));
    }

    /**
     * Service: the calendar days of bars and trail kept per ticker ({@link #KEEP_DAYS}), refused
     * when fewer than the lookback plus a month (a shorter history would cut the prior window
     * short without a word) or than the miner's liquidity window
     * ({@link MiningConfig#liquidityDays()}: with fewer days the service would judge a ticker's
     * volume on other bars than a run on the files does).
     */
    public static int keepDays(AppConfig c, int lookbackDays) {
        int keep = c.get(KEEP_DAYS);
        int liquidity = MiningConfig.defaults().liquidityDays();
        int needed = Math.max(lookbackDays + KEEP_MARGIN_DAYS, liquidity);
        if (keep < needed) {
            throw new IllegalArgumentException(KEEP_DAYS.name() + " is " + keep + ": keep at least " + needed
                    + " (the lookback of " + lookbackDays + " days plus a month, and the " + liquidity
                    + " days of volume the miner's liquidity rule reads)");
        }
        return keep;
    }

    /** These options with another lookback (whole days, more than the recent window). */
    public RetroOptions withLookback(Duration lookback) {
        RetroConfig c = config;
        return new RetroOptions(new RetroConfig((int) wholeDays(LOOKBACK, lookback), c.recentDays(), c.horizonDays(),
                c.minNPerWindow(), c.alpha(), c.fdrLevel(), c.fdrMethod(), c.pairMinN(), c.tripleMinN(), c.oosAlpha(),
                c.coverage(), c.maxProposals(), c.highEffectPts(), c.mediumEffectPts(), c.intervalLevel()), asOf,
                library);
    }

    /** These options with an as-of date. */
    public RetroOptions withAsOf(LocalDate date) {
        return new RetroOptions(config, Optional.of(date), library);
    }

    /** These options with a pattern library file. */
    public RetroOptions withLibrary(String file) {
        return new RetroOptions(config, asOf, Optional.of(file));
    }

    public RetroConfig config() {
        return config;
    }

    public Optional<LocalDate> asOf() {
        return asOf;
    }

    public Optional<String> library() {
        return library;
    }

    private static long wholeDays(Option<Duration> option, Duration d) {
        if (d.isNegative() || d.isZero() || d.toSeconds() % 86_400 != 0) {
            throw new IllegalArgumentException(option.name() + " must be a positive number of whole days, got " + d);
        }
        return d.toDays();
    }

    private static LocalDate date(String text) {
        try {
            return LocalDate.parse(text);
        } catch (java.time.format.DateTimeParseException e) {
            throw new IllegalArgumentException(AS_OF.name() + " must be a date YYYY-MM-DD, got '" + text + "'", e);
        }
    }

    private static FdrMethod fdrMethod(String text) {
        return switch (text.trim().toUpperCase(Locale.ROOT)) {
            case "BH", "BENJAMINI_HOCHBERG" -> FdrMethod.BENJAMINI_HOCHBERG;
            case "BY", "BENJAMINI_YEKUTIELI" -> FdrMethod.BENJAMINI_YEKUTIELI;
            default -> throw new IllegalArgumentException("FDR method must be BH or BY, got '" + text + "'");
        };
    }

    private static String clock(String text) {
        String t = text.trim().toLowerCase(Locale.ROOT);
        if (!t.equals("data") && !t.equals("wall")) {
            throw new IllegalArgumentException("clock must be 'data' or 'wall', got '" + text + "'");
        }
        return t;
    }
}
