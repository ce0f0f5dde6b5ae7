package io.edgeloop.core.report;

import io.edgeloop.core.retro.Candidate;
import io.edgeloop.core.retro.DiscoveryResult;
import io.edgeloop.core.retro.PatternRescore;
import io.edgeloop.core.retro.ProposalKind;
import io.edgeloop.core.retro.RegimeRow;
import io.edgeloop.core.retro.RetroResult;
import io.edgeloop.core.retro.WindowTest;
import io.edgeloop.core.rules.Direction;
import io.edgeloop.core.stats.Interval;
import io.edgeloop.core.stats.WilsonInterval;

import java.util.ArrayList;
import java.util.List;

/**
 * {@code RETRO.html}: one self-contained page (inline SVG, no scripts, well-formed XML) with what
 * changed and why: the proposals, the regime changes as a chart, each pattern's hit rate in both
 * windows with its interval, and the discovery funnel. Every figure states its n.
 */
public final class RetroHtml {

    private static final String CSS = String.join("\n",
            "body{font-family:system-ui,-apple-system,'Segoe UI',sans-serif;max-width:1100px;margin:2rem auto;"
                    + "padding:0 1rem;color:#1f2933;line-height:1.45}",
            "h1{font-size:1.6rem}h2{font-size:1.2rem;margin-top:2.2rem;border-bottom:1px solid #e1e5ea}",
            ".lede{color:#52606d}.notice{background:#fff8e1;border-left:4px solid #f0b429;padding:.6rem .9rem}",
            ".cards{display:flex;flex-wrap:wrap;gap:.8rem;margin:1rem 0}.card{border:1px solid #e1e5ea;"
                    + "border-radius:6px;padding:.6rem .9rem;min-width:7.5rem}.card .big{display:block;font-size:1.4rem;"
                    + "font-weight:600}",
            "figure{margin:1rem 0}figcaption{font-size:.9rem;color:#52606d}",
            "svg.chart text{font-size:12px;fill:#1f2933}svg.chart text.axis{fill:#52606d;font-size:11px}",
            "svg.chart text.value{fill:#3e4c59;font-size:11px}svg.chart text.muted{fill:#9aa5b1;font-size:11px}",
            "table{border-collapse:collapse;font-size:.8rem;margin:.6rem 0}th,td{padding:.25rem .5rem;"
                    + "border-bottom:1px solid #e1e5ea;text-align:left;vertical-align:top}th{background:#f5f7fa}",
            "caption{text-align:left;font-weight:600;padding:.3rem 0}");

    private RetroHtml() {
    }

    public static String render(RetroResult r, String dataDescription) {
        StringBuilder h = new StringBuilder(64 * 1024);
        h.append("<!DOCTYPE html>\n<html xmlns=\"http://www.w3.org/1999/xhtml\" lang=\"en\">\n<head>\n")
                .append("<meta charset=\"utf-8\"/>\n<title>Retrospective as of ").append(r.windows().asOf())
                .append("</title>\n<style>\n").append(CSS).append("\n</style>\n</head>\n<body>\n<h1>Retrospective as of ")
                .append(r.windows().asOf()).append("</h1>\n<p class=\"lede\">").append(esc(dataDescription))
                .append(". Windows: ").append(esc(r.windows().describe())).append(".</p>\n");
        for (String note : r.notes()) {
            h.append("<p class=\"notice\">").append(esc(note)).append("</p>\n");
        }
        h.append("<div class=\"cards\">\n");
        card(h, r.proposals().size(), "proposals");
        for (ProposalKind kind : ProposalKind.values()) {
            card(h, r.proposals().stream().filter(p -> p.kind() == kind).count(), kind.name());
        }
        card(h, r.sample().size(), "lookback moves with lead-up");
        h.append("</div>\n<h2>Proposals</h2>\n");
        if (r.proposals().isEmpty()) {
            h.append("<p>No change is proposed: nothing passed its test.</p>\n");
        } else {
            table(h, RetroTables.proposals(r));
        }
        h.append("<h2>Regime: UP share of significant moves</h2>\n");
        FindingsHtml.figure(h, Charts.diverging("Change in UP share of moves, recent minus prior", regimeBars(r)),
                "Figure 1. Recent minus prior UP share in points, market and sectors; n = moves in both windows; "
                        + "* = significant after the weekly design effect (sectors: Benjamini-Hochberg).");
        table(h, RetroTables.regimes(List.of(r.regime().market()), "Market", "Scope"));
        table(h, RetroTables.regimes(r.regime().sectors(), "Sectors", "Sector"));
        h.append("<h2>Library patterns, re-scored</h2>\n");
        if (r.rescoring().stream().anyMatch(p -> p.test().recentN() + p.test().priorN() > 0)) {
            FindingsHtml.figure(h, Charts.intervals("Pattern hit rates, prior and recent window", hitRates(r),
                            Double.NaN),
                    "Figure 2. Hit rate with its " + Fmt.num(100 * r.config().intervalLevel(), 0)
                            + "% Wilson interval: grey the prior window, coloured the recent; n = counted matches.");
        }
        table(h, RetroTables.rescoring(r));
        discovery(h, r.discovery());
        h.append("<h2>Pattern regimes</h2>\n");
        table(h, RetroTables.regimes(r.regime().patterns(), "UP share of the moves each pattern matched at their start",
                "Pattern"));
        h.append("</body>\n</html>\n");
        return h.toString();
    }

    private static void discovery(StringBuilder h, DiscoveryResult d) {
        h.append("<h2>Candidate discovery</h2>\n<p>Fit on the prior window (").append(Fmt.count(d.fitN()))
                .append(" moves, ").append(Fmt.count(d.fitUp())).append(" UP), tested on the recent window (")
                .append(Fmt.count(d.testN())).append(" moves, ").append(Fmt.count(d.testUp())).append(" UP).</p>\n");
        table(h, RetroTables.funnel(d));
        if (d.survivors().isEmpty()) {
            return;
        }
        double base = d.fitN() == 0 ? Double.NaN : 100.0 * d.fitUp() / d.fitN();
        List<Charts.Interval> rows = new ArrayList<>();
        for (Candidate c : d.survivors()) {
            boolean up = c.direction() == Direction.UP;
            double v = up ? c.fitRate() : 1 - c.fitRate();
            double lo = up ? c.interval().lower() : 1 - c.interval().upper();
            double hi = up ? c.interval().upper() : 1 - c.interval().lower();
            rows.add(new Charts.Interval(c.name(), c.fitN(), 100 * v, 100 * lo, 100 * hi,
                    up ? Charts.UP : Charts.DOWN));
        }
        FindingsHtml.figure(h, Charts.intervals("UP share of the survivors' fit-window moves", rows, base),
                "Figure 3. FDR survivors: UP share of their prior-window moves with its interval against the base "
                        + "rate (dashed); n = fit-window moves. Their later gates are in the table.");
        table(h, RetroTables.survivors(d));
    }

    private static List<Charts.Lift> regimeBars(RetroResult r) {
        List<Charts.Lift> rows = new ArrayList<>();
        List<RegimeRow> all = new ArrayList<>();
        all.add(r.regime().market());
        all.addAll(r.regime().sectors());
        for (RegimeRow row : all) {
            WindowTest t = row.test();
            if (t.recentN() > 0 && t.priorN() > 0) {
                rows.add(new Charts.Lift(row.key() + (row.shifted() ? " *" : ""), (int) (t.recentN() + t.priorN()),
                        row.effectPts()));
            }
        }
        return rows;
    }

    private static List<Charts.Interval> hitRates(RetroResult r) {
        List<Charts.Interval> rows = new ArrayList<>();
        double level = r.config().intervalLevel();
        for (PatternRescore p : r.rescoring()) {
            WindowTest t = p.test();
            rows.add(interval(p.patternId() + " prior", t.priorHits(), t.priorN(), level, Charts.NEUTRAL));
            rows.add(interval(p.patternId() + " recent", t.recentHits(), t.recentN(), level,
                    p.direction() == Direction.DOWN ? Charts.DOWN : Charts.UP));
        }
        return rows;
    }

    private static Charts.Interval interval(String label, long hits, long n, double level, String colour) {
        Interval ci = WilsonInterval.of(hits, n, level);
        return new Charts.Interval(label, (int) n, n == 0 ? Double.NaN : 100.0 * hits / n, 100 * ci.lower(),
                100 * ci.upper(), colour);
    }

    private static void table(StringBuilder h, RetroTables.Table t) {
        h.append("<table>\n<caption>").append(esc(t.caption())).append("</caption>\n<tr>");
        t.header().forEach(x -> h.append("<th>").append(esc(x)).append("</th>"));
        h.append("</tr>\n");
        for (List<String> row : t.rows()) {
            h.append("<tr>");
            row.forEach(x -> h.append("<td>").append(esc(x)).append("</td>"));
            h.append("</tr>\n");
        }
        h.append("</table>\n");
    }

    private static void card(StringBuilder h, long value, String label) {
        h.append("<div class=\"card\"><span class=\"big\">").append(Fmt.count(value)).append("</span>")
                .append(esc(label)).append("</div>\n");
    }

    private static String esc(String text) {
        return Xml.escape(text);
    }
}
