package io.edgeloop.core.retro;

import io.edgeloop.core.mining.Trail;
import io.edgeloop.core.rules.CompiledRule;
import io.edgeloop.core.rules.PatternDefinition;
import io.edgeloop.core.rules.PatternStatus;
import io.edgeloop.core.stats.MultipleTesting;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Re-scores every library pattern on the prior and the recent window.
 *
 * <p><b>Observations.</b> A pattern matches on trail day {@code d} when its rule holds on the
 * snapshot at that day's close. The match is a hit when a significant move in the pattern's
 * direction followed: within the next {@code horizonDays} bars the price reached
 * {@code close x (1 +- minMovePct / 100)} ({@link PriceSeries#outcome}; a NEUTRAL pattern hits
 * on a move either way). Consecutive matches of one ticker share most of their future, so a
 * match counts only when the ticker's previous counted match of that pattern lies more than
 * {@code horizonDays} bars back: counted outcomes never overlap. A match whose horizon reaches
 * past the as-of date is unresolved and not counted. Its window is the window of its match day.
 *
 * <p><b>Test.</b> {@link TwoWindowTester}: the recent hit rate against the prior, with at least
 * {@code minNPerWindow} matches in each window, on counts corrected for the clustering of
 * matches in the same week (many tickers match and move together). The p-values of all tested patterns are adjusted with
 * Benjamini-Hochberg and a change is significant when its q-value is at most {@code alpha}, so
 * re-scoring a library of 17 patterns does not degrade one by chance every few weeks.
 * RETIRED patterns are not re-scored.
 */
public final class PatternRescorer {

    private final RetroConfig config;
    private final double minMovePct;

    /**
     * @param config     windows, horizon, minimum n and alpha
     * @param minMovePct the significant-move threshold of the study, in percent
     */
    public PatternRescorer(RetroConfig config, double minMovePct) {
        this.config = Objects.requireNonNull(config, "config");
        if (!(minMovePct > 0)) {
            throw new IllegalArgumentException("minMovePct must be > 0, got " + minMovePct);
        }
        this.minMovePct = minMovePct;
    }

    /** Re-scores the non-retired patterns over the tickers, in library order. */
    List<PatternRescore> rescore(List<PatternDefinition> library, List<TickerView> tickers, RetroWindows windows) {
        TwoWindowTester tester = new TwoWindowTester(config);
        List<PatternDefinition> patterns = library.stream().filter(p -> p.status() != PatternStatus.RETIRED).toList();
        List<WindowTest> results = new ArrayList<>();
        int[] unresolved = new int[patterns.size()];
        for (int k = 0; k < patterns.size(); k++) {
            ClusteredCounts recent = new ClusteredCounts();
            ClusteredCounts prior = new ClusteredCounts();
            CompiledRule rule = CompiledRule.compile(patterns.get(k).rule());
            for (TickerView t : tickers) {
                unresolved[k] += count(rule, patterns.get(k), t, windows, recent, prior);
            }
            results.add(tester.test(recent, prior));
        }
        double[] q = adjust(results);
        List<PatternRescore> out = new ArrayList<>();
        for (int k = 0; k < patterns.size(); k++) {
            PatternDefinition p = patterns.get(k);
            WindowTest r = results.get(k);
            out.add(new PatternRescore(p.id(), p.name(), p.direction(), p.status(), r, q[k], unresolved[k],
                    verdict(p.status(), r, q[k])));
        }
        return out;
    }

    /** Adds one ticker's counted matches to the windows, clustered by match week; returns its unresolved matches. */
    private int count(CompiledRule rule, PatternDefinition pattern, TickerView t, RetroWindows windows,
                      ClusteredCounts recent, ClusteredCounts prior) {
        Trail trail = t.trail();
        int unresolved = 0;
        int blockedUntil = -1;
        for (int d = 0; d < trail.size(); d++) {
            RetroWindows.Window window = windows.of(trail.date(d));
            if (window == RetroWindows.Window.OUTSIDE) {
                continue;
            }
            int bar = t.barOf(d);
            if (bar < 0 || bar <= blockedUntil || !rule.matches(trail.at(d))) {
                continue;
            }
            int outcome = t.prices().outcome(bar, pattern.direction(), config.horizonDays(), minMovePct);
            if (outcome == PriceSeries.UNRESOLVED) {
                unresolved++;
                continue;
            }
            blockedUntil = bar + config.horizonDays();
            (window == RetroWindows.Window.RECENT ? recent : prior)
                    .add(ClusteredCounts.week(trail.date(d).toEpochDay()), outcome == PriceSeries.HIT);
        }
        return unresolved;
    }

    /** Benjamini-Hochberg q-values of the tested results; NaN for the untested. */
    static double[] adjust(List<WindowTest> results) {
        int tested = (int) results.stream().filter(r -> !Double.isNaN(r.pValue())).count();
        double[] p = new double[tested];
        int i = 0;
        for (WindowTest r : results) {
            if (!Double.isNaN(r.pValue())) {
                p[i++] = r.pValue();
            }
        }
        double[] adjusted = tested == 0 ? p : MultipleTesting.benjaminiHochberg(p);
        double[] q = new double[results.size()];
        i = 0;
        for (int k = 0; k < results.size(); k++) {
            q[k] = Double.isNaN(results.get(k).pValue()) ? Double.NaN : adjusted[i++];
        }
        return q;
    }

    private PatternRescore.Verdict verdict(PatternStatus status, WindowTest r, double q) {
        if (r.insufficient()) {
            return PatternRescore.Verdict.INSUFFICIENT_DATA;
        }
        if (!(q <= config.alpha()) || r.difference() == 0) {
            return PatternRescore.Verdict.NO_SHIFT;
        }
        if (r.difference() < 0) {
            return status == PatternStatus.ACTIVE ? PatternRescore.Verdict.DEGRADE : PatternRescore.Verdict.WORSE;
        }
        return status == PatternStatus.DEGRADED || status == PatternStatus.CANDIDATE
                ? PatternRescore.Verdict.PROMOTE : PatternRescore.Verdict.BETTER;
    }
}
