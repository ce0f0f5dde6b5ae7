package io.edgeloop.core.retro;

import io.edgeloop.core.mining.Trail;
import io.edgeloop.core.rules.CompiledRule;
import io.edgeloop.core.rules.PatternDefinition;
import io.edgeloop.core.rules.PatternStatus;
import io.edgeloop.core.stats.Interval;
import io.edgeloop.core.stats.WilsonInterval;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Seeding: every library pattern judged on the whole history, so that the mined evidence can seed
 * or re-seed the library through the operators' approval.
 *
 * <p><b>Observations.</b> The same as {@link PatternRescorer}'s: on each trail day a pattern's rule
 * holds, the match is a hit when a significant move in the pattern's direction follows within
 * {@code horizonDays} bars ({@link PriceSeries#outcome}); a counted match blocks the ticker's next
 * {@code horizonDays} bars, so outcomes never overlap, and a match whose horizon passes the as-of
 * date is not counted. The days the rule does not hold are counted the same way (non-overlapping
 * per ticker) and give the base rate: how often such a move follows any other day.
 *
 * <p><b>Test.</b> Matched against unmatched days with {@link TwoWindowTester} (at least
 * {@code minNPerWindow} on each side, counts corrected for the clustering of days in the same
 * week), Benjamini-Hochberg over the tested patterns, significant at q &lt;= {@code alpha}. A
 * pattern not ACTIVE whose hit rate is significantly above its base rate is proposed for
 * promotion; an ACTIVE one significantly below it for degrading. The proposals carry the
 * evidence and go through the same approval as the weekly retrospective's. RETIRED patterns are
 * not judged.
 */
public final class PatternSeeding {

    private final RetroConfig config;
    private final double minMovePct;

    /**
     * @param config     horizon, minimum n, alpha, interval level and severity bands
     * @param minMovePct the significant-move threshold of the study, in percent
     */
    public PatternSeeding(RetroConfig config, double minMovePct) {
        this.config = Objects.requireNonNull(config, "config");
        if (!(minMovePct > 0)) {
            throw new IllegalArgumentException("minMovePct must be > 0, got " + minMovePct);
        }
        this.minMovePct = minMovePct;
    }

    /** Judges the non-retired patterns over the tickers up to {@code asOf}, in library order. */
    public List<PatternEdge> judge(List<PatternDefinition> library, List<TickerView> tickers, LocalDate asOf) {
        TwoWindowTester tester = new TwoWindowTester(config);
        List<PatternDefinition> patterns = library.stream().filter(p -> p.status() != PatternStatus.RETIRED).toList();
        List<WindowTest> results = new ArrayList<>();
        for (PatternDefinition p : patterns) {
            ClusteredCounts matched = new ClusteredCounts();
            ClusteredCounts unmatched = new ClusteredCounts();
            CompiledRule rule = CompiledRule.compile(p.rule());
            for (TickerView t : tickers) {
                count(rule, p, t, asOf, matched, unmatched);
            }
            results.add(tester.test(matched, unmatched));
        }
        double[] q = PatternRescorer.adjust(results);
        List<PatternEdge> out = new ArrayList<>();
        for (int k = 0; k < patterns.size(); k++) {
            PatternDefinition p = patterns.get(k);
            out.add(new PatternEdge(p.id(), p.name(), p.direction(), p.status(), results.get(k), q[k],
                    verdict(p.status(), results.get(k), q[k])));
        }
        return out;
    }

    /** The proposals of the judged patterns: PROMOTE and DEGRADE verdicts, with their evidence. */
    public List<Proposal> proposals(List<PatternEdge> edges, LocalDate asOf, LocalDate from) {
        List<Proposal> out = new ArrayList<>();
        for (PatternEdge e : edges) {
            if (e.verdict() == PatternEdge.Verdict.PROMOTE || e.verdict() == PatternEdge.Verdict.DEGRADE) {
                out.add(proposal(e, asOf, from));
            }
        }
        return out;
    }

    private void count(CompiledRule rule, PatternDefinition pattern, TickerView t, LocalDate asOf,
                       ClusteredCounts matched, ClusteredCounts unmatched) {
        Trail trail = t.trail();
        int matchBlockedUntil = -1;
        int baseBlockedUntil = -1;
        for (int d = 0; d < trail.size(); d++) {
            LocalDate date = trail.date(d);
            if (date.isAfter(asOf)) {
                break;
            }
            int bar = t.barOf(d);
            if (bar < 0) {
                continue;
            }
            boolean matches = rule.matches(trail.at(d));
            if (matches ? bar <= matchBlockedUntil : bar <= baseBlockedUntil) {
                continue;
            }
            int outcome = t.prices().outcome(bar, pattern.direction(), config.horizonDays(), minMovePct);
            if (outcome == PriceSeries.UNRESOLVED) {
                continue;
            }
            long week = ClusteredCounts.week(date.toEpochDay());
            if (matches) {
                matchBlockedUntil = bar + config.horizonDays();
                matched.add(week, outcome == PriceSeries.HIT);
            } else {
                baseBlockedUntil = bar + config.horizonDays();
                unmatched.add(week, outcome == PriceSeries.HIT);
            }
        }
    }

    private PatternEdge.Verdict verdict(PatternStatus status, WindowTest r, double q) {
        if (r.insufficient()) {
            return PatternEdge.Verdict.INSUFFICIENT_DATA;
        }
        if (!(q <= config.alpha()) || r.difference() == 0) {
            return PatternEdge.Verdict.NO_EDGE;
        }
        if (r.difference() > 0) {
            return status == PatternStatus.ACTIVE ? PatternEdge.Verdict.CONFIRMED : PatternEdge.Verdict.PROMOTE;
        }
        return status == PatternStatus.ACTIVE ? PatternEdge.Verdict.DEGRADE : PatternEdge.Verdict.ADVERSE;
    }

    private Proposal proposal(PatternEdge e, LocalDate asOf, LocalDate from) {
        ProposalKind kind = e.verdict() == PatternEdge.Verdict.DEGRADE ? ProposalKind.DEGRADE : ProposalKind.PROMOTE;
        WindowTest t = e.test();
        Interval ci = WilsonInterval.of(t.recentHits(), t.recentN(), config.intervalLevel());
        Map<String, String> details = new LinkedHashMap<>();
        details.put("asOf", asOf.toString());
        details.put("history", from + ".." + asOf);
        details.put("hit", "a move of >= " + RetroProposals.num(minMovePct) + "% in the pattern's direction within "
                + config.horizonDays() + " trading days (non-overlapping per ticker)");
        details.put("baseRate", RetroProposals.pct(t.priorRate()) + " of " + t.priorN() + " days the pattern did not match");
        details.put("test", RetroProposals.testDetails(t) + ", matched vs unmatched days, Benjamini-Hochberg over the "
                + "judged patterns at " + RetroProposals.num(config.alpha()));
        details.put("status", e.status().name());
        String summary = String.format(Locale.ROOT, "%s %s: over the history it hit %s (n=%d) against a base rate of %s, "
                        + "p=%s, q=%s", kind == ProposalKind.DEGRADE ? "Degrade" : "Promote", e.patternId(),
                RetroProposals.pct(t.recentRate()), t.recentN(), RetroProposals.pct(t.priorRate()),
                RetroProposals.p(t.pValue()), RetroProposals.p(e.qValue()));
        Evidence evidence = new Evidence((int) t.recentN(), t.recentRate(), ci.lower(), ci.upper(), t.pValue(),
                e.qValue(), null, null, null, null, null, details);
        return new Proposal(ProposalIds.forSeed(asOf, kind, e.patternId()), kind, e.patternId(), summary,
                config.severity(e.liftPts()), evidence, Optional.empty());
    }
}
