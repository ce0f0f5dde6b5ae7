package io.edgeloop.core.report;

import io.edgeloop.core.retro.Candidate;
import io.edgeloop.core.retro.DiscoveryResult;
import io.edgeloop.core.retro.PatternEdge;
import io.edgeloop.core.retro.PatternRescore;
import io.edgeloop.core.retro.Proposal;
import io.edgeloop.core.retro.RegimeRow;
import io.edgeloop.core.retro.RetroResult;
import io.edgeloop.core.retro.SeedResult;
import io.edgeloop.core.retro.WindowTest;
import io.edgeloop.core.rules.RuleJson;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The retrospective's tables, built once and rendered by {@link RetroMarkdown} and
 * {@link RetroHtml}, so both reports show the same numbers. Every rate comes with its n.
 */
final class RetroTables {

    /** A table: caption, header and rows of cells (plain text). */
    record Table(String caption, List<String> header, List<List<String>> rows) {
    }

    private RetroTables() {
    }

    static Table proposals(RetroResult r) {
        return proposals(r.proposals());
    }

    static Table proposals(List<Proposal> proposals) {
        List<List<String>> rows = new ArrayList<>();
        for (Proposal p : proposals) {
            rows.add(List.of(p.kind().name(), p.patternId() == null ? p.evidence().details().getOrDefault("key", "")
                    : p.patternId(), p.severity().name(), p.summary(), p.id()));
        }
        return new Table(proposals.size() + " proposals", List.of("Kind", "Subject", "Severity", "Why", "Change id"),
                rows);
    }

    static Table edges(SeedResult r) {
        List<List<String>> rows = new ArrayList<>();
        for (PatternEdge e : r.edges()) {
            WindowTest t = e.test();
            rows.add(List.of(e.patternId(), e.direction().name(), e.status().name(), rate(t.recentHits(), t.recentN()),
                    rate(t.priorHits(), t.priorN()), Fmt.signed(e.liftPts()), Fmt.num(t.designEffect(), 1),
                    p(t.pValue()), p(e.qValue()), e.verdict().name()));
        }
        return new Table(r.edges().size() + " library patterns judged on the history",
                List.of("Pattern", "Direction", "Status", "Hit rate matched", "Base rate (not matched)", "Lift (pts)",
                        "Design effect", "p", "q", "Verdict"), rows);
    }

    static Table regimes(List<RegimeRow> rowsIn, String caption, String keyHeader) {
        List<List<String>> rows = new ArrayList<>();
        for (RegimeRow row : rowsIn) {
            WindowTest t = row.test();
            rows.add(List.of(row.key(), rate(t.priorHits(), t.priorN()), rate(t.recentHits(), t.recentN()),
                    Fmt.signed(row.effectPts()), Fmt.num(t.designEffect(), 1), p(t.pValue()), p(row.qValue()),
                    t.insufficient() ? "too few moves" : row.shifted() ? "SHIFT " + (t.difference() > 0 ? "UP" : "DOWN")
                            : "no shift"));
        }
        return new Table(caption, List.of(keyHeader, "Prior UP share", "Recent UP share", "Change (pts)",
                "Design effect", "p", "q", "Verdict"), rows);
    }

    static Table rescoring(RetroResult r) {
        List<List<String>> rows = new ArrayList<>();
        for (PatternRescore p : r.rescoring()) {
            WindowTest t = p.test();
            rows.add(List.of(p.patternId(), p.direction().name(), p.status().name(), rate(t.priorHits(), t.priorN()),
                    rate(t.recentHits(), t.recentN()), Fmt.signed(p.effectPts()), Fmt.num(t.designEffect(), 1),
                    p(t.pValue()), p(p.qValue()), Integer.toString(p.unresolved()), p.verdict().name()));
        }
        return new Table(r.rescoring().size() + " library patterns re-scored",
                List.of("Pattern", "Direction", "Status", "Prior hit rate", "Recent hit rate", "Change (pts)",
                        "Design effect", "p", "q", "Unresolved", "Verdict"), rows);
    }

    static Table survivors(DiscoveryResult d) {
        List<List<String>> rows = new ArrayList<>();
        for (Candidate c : d.survivors()) {
            rows.add(List.of(c.name(), c.direction().name(), rate(c.fitHits(), c.fitN()),
                    Fmt.interval(100 * c.interval().lower(), 100 * c.interval().upper()), Fmt.pct(100 * c.fitBase()),
                    p(c.qValue()), p(c.incrementP()), rate(c.testHits(), c.testN()), Fmt.pct(100 * c.testBase()),
                    p(c.oosP()),
                    c.coveredBy() == null ? Fmt.NONE : Fmt.pct(100 * c.coverage()) + " " + c.coveredBy(),
                    c.status().name(), c.rule().map(RuleJson::write).orElse(c.noRule())));
        }
        return new Table(d.survivors().size() + " combinations survived the FDR control",
                List.of("Features", "Direction", "Fit rate", "Interval", "Fit base", "q", "Each feature adds (adj. p)",
                        "Test rate", "Test base", "Test p", "Coverage", "Status", "Rule"), rows);
    }

    static Table funnel(DiscoveryResult d) {
        List<List<String>> rows = new ArrayList<>();
        rows.add(List.of("features combined", Fmt.count(d.features())));
        rows.add(List.of("pairs and triples counted as tests", Fmt.count(d.combinations())));
        rows.add(List.of("with enough fit-window moves to test", Fmt.count(d.tested())));
        rows.add(List.of("p < 0.05 without multiple-testing correction", Fmt.count(d.naiveSignificant())));
        rows.add(List.of("survived " + d.method() + " at FDR " + Fmt.num(d.level(), 2), Fmt.count(d.survivors().size())));
        for (Candidate.Status s : Candidate.Status.values()) {
            long n = d.survivors().stream().filter(c -> c.status() == s).count();
            rows.add(List.of("stopped at / ended as " + s.name(), Fmt.count(n)));
        }
        return new Table("Candidate discovery, step by step", List.of("Step", "Combinations"), rows);
    }

    /** {@code 12/40 (30.0%)}, or a dash with n = 0. */
    static String rate(long hits, long n) {
        return n == 0 ? "0/0" : hits + "/" + n + " (" + Fmt.pct(100.0 * hits / n) + ")";
    }

    static String p(double p) {
        if (Double.isNaN(p)) {
            return Fmt.NONE;
        }
        return p < 1e-4 ? String.format(Locale.US, "%.1e", p) : String.format(Locale.US, "%.4f", p);
    }
}
