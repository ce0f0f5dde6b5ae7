package io.edgeloop.resolver;

import io.edgeloop.core.outcome.OutcomeConfig;

import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Objects;

/**
 * What the resolver topology is built with: the outcome rules, the fast loop's learning and
 * auto-degrade thresholds, and a few operational knobs. Everything here is a model or topology
 * setting; Kafka client settings live in the app's {@code kafka.*} configuration.
 *
 * @param outcome            outcome judgement (hit threshold, grace period, trade window, zone);
 *                           crypto tickers are judged in UTC whatever the zone here
 * @param defaultHorizonDays horizon for a prediction that carries none (horizonDays &lt; 1)
 * @param recentDailyBars    daily bars kept per ticker, so a prediction that arrives after some
 *                           of its horizon bars (a lagging producer, a replay) still sees them
 * @param sweepInterval      stream-time interval of the sweep that expires predictions whose
 *                           ticker stopped trading and closes half-day intraday bars
 * @param retention          how long, in stream time after a prediction's bar, the outcome tasks
 *                           remember a resolved prediction (its id, outcome and trade link), and
 *                           how long a silent ticker's daily bars are kept; a prediction older
 *                           than that is refused ({@link OutcomeRetention})
 * @param learning           the fast loop: hit threshold of patterns, Beta prior, credible
 *                           interval level, auto-degrade thresholds
 * @param seedDelay          wall-clock delay after start before the keeper seeds an empty
 *                           library (it also seeds on its first record, whichever comes first)
 * @param inMemoryStores     keep state in memory instead of RocksDB (still changelogged, so
 *                           still restored after a restart, but rebuilt in full each time): for
 *                           tests and short replays, never for a long-running app
 * @param learningSources    the outcome tasks the keeper waits for before it learns (the
 *                           partitions of {@code predictions}; the app sets it at start); 0 waits
 *                           only for the tasks that have reported
 * @param learningIdle       wall-clock time after which an outcome task that has sent nothing
 *                           stops holding learning back, until it reports again; zero for never
 * @param clock              "now" of the candle validator (a candle may not open more than 2 days
 *                           after it), as streams-app's settings have it: the system clock from
 *                           the options, or a fixed one ({@link #withClock}), with which the same
 *                           candles are accepted or refused whenever they are processed
 */
public record ResolverConfig(
        OutcomeConfig outcome,
        int defaultHorizonDays,
        int recentDailyBars,
        Duration sweepInterval,
        Duration retention,
        LearningConfig learning,
        Duration seedDelay,
        boolean inMemoryStores,
        int learningSources,
        Duration learningIdle,
        Clock clock) {

    public ResolverConfig {
        Objects.requireNonNull(outcome, "outcome");
        Objects.requireNonNull(learning, "learning");
        if (defaultHorizonDays < 1) {
            throw new IllegalArgumentException("default horizon must be at least 1 trading day, was " + defaultHorizonDays);
        }
        if (recentDailyBars < 1) {
            throw new IllegalArgumentException("recent daily bars must be at least 1, was " + recentDailyBars);
        }
        requirePositive("sweep interval", sweepInterval);
        Objects.requireNonNull(retention, "retention");
        if (retention.compareTo(OutcomeRetention.MINIMUM) < 0) {
            throw new IllegalArgumentException("retention must be at least " + OutcomeRetention.MINIMUM.toDays()
                    + " days (longer than any horizon plus grace), was " + retention);
        }
        requirePositive("seed delay", seedDelay);
        if (learningSources < 0) {
            throw new IllegalArgumentException("learning sources must not be negative, was " + learningSources);
        }
        Objects.requireNonNull(learningIdle, "learningIdle");
        if (learningIdle.isNegative()) {
            throw new IllegalArgumentException("learning idle time must not be negative, was " + learningIdle);
        }
        Objects.requireNonNull(clock, "clock");
    }

    /** Default {@link #learningIdle}: longer than a long weekend, when the equity tickers' partitions are quiet. */
    public static final Duration DEFAULT_LEARNING_IDLE = Duration.ofDays(4);

    /**
     * The original model's outcome rules, default learning, 40 recent bars, hourly sweep, 90 days
     * of retention, seeding after 1 s, RocksDB, learning waits for the tasks that have reported,
     * candles validated against the system clock.
     */
    public static ResolverConfig defaults() {
        return new ResolverConfig(OutcomeConfig.defaults(), 5, 40, Duration.ofHours(1), OutcomeRetention.DEFAULT,
                LearningConfig.defaults(), Duration.ofSeconds(1), false, 0, DEFAULT_LEARNING_IDLE,
                Clock.systemUTC());
    }

    /** A copy whose keeper waits for this many outcome tasks before it learns. */
    public ResolverConfig withLearningSources(int sources) {
        return new ResolverConfig(outcome, defaultHorizonDays, recentDailyBars, sweepInterval, retention, learning,
                seedDelay, inMemoryStores, sources, learningIdle, clock);
    }

    /** A copy whose stores live in memory. */
    public ResolverConfig withInMemoryStores() {
        return new ResolverConfig(outcome, defaultHorizonDays, recentDailyBars, sweepInterval, retention, learning,
                seedDelay, true, learningSources, learningIdle, clock);
    }

    /** A copy with other learning settings. */
    public ResolverConfig withLearning(LearningConfig other) {
        return new ResolverConfig(outcome, defaultHorizonDays, recentDailyBars, sweepInterval, retention, other,
                seedDelay, inMemoryStores, learningSources, learningIdle, clock);
    }

    /** A copy with another sweep interval. */
    public ResolverConfig withSweepInterval(Duration interval) {
        return new ResolverConfig(outcome, defaultHorizonDays, recentDailyBars, interval, retention, learning,
                seedDelay, inMemoryStores, learningSources, learningIdle, clock);
    }

    /** A copy with another retention. */
    public ResolverConfig withRetention(Duration other) {
        return new ResolverConfig(outcome, defaultHorizonDays, recentDailyBars, sweepInterval, other, learning,
                seedDelay, inMemoryStores, learningSources, learningIdle, clock);
    }

    /** A copy whose candle validator reads "now" from another clock (tests pin it). */
    public ResolverConfig withClock(Clock other) {
        return new ResolverConfig(outcome, defaultHorizonDays, recentDailyBars, sweepInterval, retention, learning,
                seedDelay, inMemoryStores, learningSources, learningIdle, other);
    }

    /** The outcome rules for one ticker: crypto pairs trade on UTC days. */
    OutcomeConfig outcomeFor(boolean crypto) {
        ZoneId zone = crypto ? ZoneOffset.UTC : outcome.exchangeZone();
        return zone.equals(outcome.exchangeZone()) ? outcome : outcome.withExchangeZone(zone);
    }

    private static void requirePositive(String name, Duration value) {
        Objects.requireNonNull(value, name);
        if (value.isNegative() || value.isZero()) {
            throw new IllegalArgumentException(name + " must be positive, was " + value);
        }
    }
}
