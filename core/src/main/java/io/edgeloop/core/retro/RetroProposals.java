package io.edgeloop.core.retro;

import io.edgeloop.core.rules.PatternDefinition;
import io.edgeloop.core.rules.PatternOrigin;
import io.edgeloop.core.rules.PatternStatus;
import io.edgeloop.core.stats.Interval;
import io.edgeloop.core.stats.PatternStats;
import io.edgeloop.core.stats.WilsonInterval;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** Turns the retrospective's verdicts into proposals with their evidence. */
final class RetroProposals {

    private final RetroConfig config;
    private final RetroWindows windows;
    private final double minMovePct;

    RetroProposals(RetroConfig config, RetroWindows windows, double minMovePct) {
        this.config = config;
        this.windows = windows;
        this.minMovePct = minMovePct;
    }

    List<Proposal> build(List<PatternRescore> rescoring, DiscoveryResult discovery, RegimeReport regime) {
        List<Proposal> out = new ArrayList<>();
        for (PatternRescore r : rescoring) {
            if (r.verdict() == PatternRescore.Verdict.DEGRADE || r.verdict() == PatternRescore.Verdict.PROMOTE) {
                out.add(statusChange(r));
            }
        }
        discovery.proposed().forEach(c -> out.add(addPattern(c, discovery)));
        if (regime.market().shifted()) {
            out.add(alert(regime.market(), ProposalIds.forMarket(windows.asOf()), "Market"));
        }
        for (RegimeRow row : regime.sectors()) {
            if (row.shifted()) {
                out.add(alert(row, ProposalIds.forSector(windows.asOf(), row.key()), "Sector " + row.key()));
            }
        }
        return out;
    }

    private Proposal statusChange(PatternRescore r) {
        ProposalKind kind = r.verdict() == PatternRescore.Verdict.DEGRADE ? ProposalKind.DEGRADE : ProposalKind.PROMOTE;
        WindowTest t = r.test();
        Interval ci = WilsonInterval.of(t.recentHits(), t.recentN(), config.intervalLevel());
        Map<String, String> details = windowDetails();
        details.put("hit", "a move of >= " + num(minMovePct) + "% in the pattern's direction within "
                + config.horizonDays() + " trading days of a match (non-overlapping per ticker)");
        details.put("test", testDetails(t) + ", Benjamini-Hochberg over the tested patterns at " + num(config.alpha()));
        details.put("status", r.status().name());
        String summary = String.format(Locale.ROOT, "%s %s: hit rate %s from %s (n=%d) to %s (n=%d), p=%s, q=%s",
                kind == ProposalKind.DEGRADE ? "Degrade" : "Promote", r.patternId(),
                kind == ProposalKind.DEGRADE ? "fell" : "rose", pct(t.priorRate()), t.priorN(), pct(t.recentRate()),
                t.recentN(), p(t.pValue()), p(r.qValue()));
        Evidence e = new Evidence((int) (t.recentN() + t.priorN()), t.recentRate(), ci.lower(), ci.upper(), t.pValue(),
                r.qValue(), t.recentRate(), t.priorRate(), (int) t.recentN(), (int) t.priorN(), null, details);
        return new Proposal(ProposalIds.forPattern(windows.asOf(), kind, r.patternId()), kind, r.patternId(), summary,
                config.severity(r.effectPts()), e, Optional.empty());
    }

    private Proposal addPattern(Candidate c, DiscoveryResult d) {
        String id = patternId(c.features());
        Map<String, String> details = windowDetails();
        details.put("features", c.name());
        details.put("fit", "prior window: " + c.fitHits() + "/" + c.fitN() + " " + c.direction() + " vs base "
                + pct(c.fitBase()));
        details.put("tests", d.combinations() + " combinations counted (" + d.tested() + " with enough moves), "
                + d.method() + " at FDR " + num(d.level()));
        details.put("coverage", c.coveredBy() == null ? "no existing pattern matches its moves"
                : pct(c.coverage()) + " of its moves also match " + c.coveredBy());
        String description = "Discovered by the retrospective of " + windows.asOf() + ": significant moves whose "
                + "start day showed " + c.name() + " went " + c.direction() + " " + pct(c.fitRate()) + " of the time (n="
                + c.fitN() + ") against a base rate of " + pct(c.fitBase()) + "; out of sample: " + c.outOfSampleText()
                + ".";
        PatternDefinition pattern = new PatternDefinition(id, "Discovered: " + c.name(), description, c.direction(),
                PatternStatus.CANDIDATE, 1, PatternOrigin.DISCOVERED, c.rule().orElseThrow(), PatternStats.EMPTY,
                Optional.empty());
        String summary = String.format(Locale.ROOT, "Add %s pattern %s: %s %s (n=%d) vs base %s, q=%s; %s",
                c.direction(), c.name(), pct(c.fitRate()), c.direction(), c.fitN(), pct(c.fitBase()), p(c.qValue()),
                c.outOfSampleText());
        Evidence e = new Evidence(c.fitN(), c.fitRate(), c.interval().lower(), c.interval().upper(), c.pValue(),
                c.qValue(), Evidence.orNull(c.testRate()), c.fitRate(), c.testN(), c.fitN(), c.outOfSampleText(),
                details);
        return new Proposal(ProposalIds.forPattern(windows.asOf(), ProposalKind.ADD_PATTERN, id),
                ProposalKind.ADD_PATTERN, id, summary, config.severity(c.liftPts()), e, Optional.of(pattern));
    }

    private Proposal alert(RegimeRow row, String id, String subject) {
        WindowTest t = row.test();
        Map<String, String> details = windowDetails();
        details.put("scope", row.scope().name().toLowerCase(Locale.ROOT));
        details.put("key", row.key());
        details.put("test", testDetails(t) + (row.scope() == RegimeRow.Scope.SECTOR
                ? ", Benjamini-Hochberg over the sectors at " : " at ") + num(config.alpha()));
        details.put("rate", "UP share of significant moves (>= " + num(minMovePct) + "%) by start date");
        String summary = String.format(Locale.ROOT, "%s regime shift %s: UP share of moves %s recently (n=%d) vs %s "
                        + "before (n=%d), p=%s", subject, t.difference() > 0 ? "up" : "down", pct(t.recentRate()),
                t.recentN(), pct(t.priorRate()), t.priorN(), p(t.pValue()));
        Interval ci = WilsonInterval.of(t.recentHits(), t.recentN(), config.intervalLevel());
        Evidence e = new Evidence((int) (t.recentN() + t.priorN()), t.recentRate(), ci.lower(), ci.upper(),
                t.pValue(), Evidence.orNull(row.qValue()), t.recentRate(), t.priorRate(), (int) t.recentN(),
                (int) t.priorN(), null, details);
        return new Proposal(id, ProposalKind.REGIME_ALERT, null, summary, config.severity(row.effectPts()), e,
                Optional.empty());
    }

    static String testDetails(WindowTest t) {
        return String.format(Locale.ROOT, "%s on effective counts %d/%d vs %d/%d (weekly design effect %.2f)",
                t.effective().method(), t.effective().recentHits(), t.effective().recentN(), t.effective().priorHits(),
                t.effective().priorN(), t.designEffect());
    }

    private Map<String, String> windowDetails() {
        Map<String, String> d = new LinkedHashMap<>();
        d.put("asOf", windows.asOf().toString());
        d.put("priorWindow", windows.priorFrom() + ".." + windows.priorTo());
        d.put("recentWindow", windows.recentFrom() + ".." + windows.asOf());
        return d;
    }

    /**
     * Pattern id of a discovered combination: {@code disc_} + the feature ids joined by
     * {@code _}; cut to 55 characters plus {@code _} and 8 hex digits of its hash when longer
     * than the 64 a pattern id may have.
     */
    static String patternId(List<String> features) {
        String id = "disc_" + String.join("_", features);
        if (id.length() <= 64) {
            return id;
        }
        return id.substring(0, 55) + "_" + String.format(Locale.ROOT, "%08x", id.hashCode());
    }

    static String pct(double rate) {
        return Double.isNaN(rate) ? "n/a" : String.format(Locale.ROOT, "%.1f%%", 100 * rate);
    }

    static String p(double p) {
        return Double.isNaN(p) ? "n/a" : p < 1e-4 ? String.format(Locale.ROOT, "%.1e", p)
                : String.format(Locale.ROOT, "%.4f", p);
    }

    static String num(double v) {
        return v == Math.rint(v) ? Long.toString((long) v) : Double.toString(v);
    }
}
