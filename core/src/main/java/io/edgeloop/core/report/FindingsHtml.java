package io.edgeloop.core.report;

import io.edgeloop.core.mining.Exclusion;
import io.edgeloop.core.mining.MiningConfig;
import io.edgeloop.core.mining.MiningResult;
import io.edgeloop.core.mining.Move;
import io.edgeloop.core.mining.PatternScores;
import io.edgeloop.core.mining.StudyResult;

import java.time.LocalDate;
import java.util.List;

/**
 * {@code FINDINGS.html}: one self-contained page (inline SVG, a little CSS, no scripts) that is
 * also well-formed XML. Every figure and table states its n.
 */
public final class FindingsHtml {

    private static final String CSS = String.join("\n",
            "body{font-family:system-ui,-apple-system,'Segoe UI',sans-serif;max-width:940px;margin:2rem auto;"
                    + "padding:0 1rem;color:#1f2933;line-height:1.45}",
            "h1{font-size:1.6rem;margin-bottom:.2rem}h2{font-size:1.2rem;margin-top:2.2rem;"
                    + "border-bottom:1px solid #e1e5ea;padding-bottom:.2rem}",
            ".lede{color:#52606d}.cards{display:flex;flex-wrap:wrap;gap:.8rem;margin:1rem 0}",
            ".card{border:1px solid #e1e5ea;border-radius:6px;padding:.6rem .9rem;min-width:7.5rem}",
            ".card .big{display:block;font-size:1.4rem;font-weight:600}.card .up{color:#2e7d32}"
                    + ".card .down{color:#c62828}",
            "figure{margin:1rem 0}figcaption{font-size:.9rem;color:#52606d}",
            "svg.chart text{font-size:12px;fill:#1f2933}svg.chart text.axis{fill:#52606d;font-size:11px}",
            "svg.chart text.value{fill:#3e4c59;font-size:11px}svg.chart text.muted{fill:#9aa5b1;font-size:11px}",
            "table{border-collapse:collapse;font-size:.85rem;margin:.6rem 0}th,td{padding:.25rem .55rem;"
                    + "border-bottom:1px solid #e1e5ea;text-align:right}th:first-child,td:first-child{text-align:left}",
            "th{background:#f5f7fa}.notice{background:#fff8e1;border-left:4px solid #f0b429;padding:.6rem .9rem}",
            "td.BULLISH{color:#2e7d32}td.BEARISH{color:#c62828}td.NEUTRAL{color:#5c6b7a}");

    private FindingsHtml() {
    }

    /**
     * The page.
     *
     * @param study           the study
     * @param dataDescription where the candles came from, in words
     */
    public static String render(StudyResult study, String dataDescription) {
        StringBuilder h = new StringBuilder(64 * 1024);
        MiningResult mining = study.mining();
        h.append("<!DOCTYPE html>\n<html xmlns=\"http://www.w3.org/1999/xhtml\" lang=\"en\">\n<head>\n")
                .append("<meta charset=\"utf-8\"/>\n<title>Findings: significant moves and their lead-up</title>\n")
                .append("<style>\n").append(CSS).append("\n</style>\n</head>\n<body>\n")
                .append("<h1>Findings: significant moves and their lead-up</h1>\n");
        LocalDate[] range = FindingsData.range(study);
        h.append("<p class=\"lede\">").append(esc(dataDescription));
        if (range != null) {
            h.append(". Moves start between ").append(range[0]).append(" and ").append(range[1]);
        }
        h.append(".</p>\n<div class=\"cards\">\n");
        card(h, Fmt.count(mining.moves().size()), "moves", null);
        card(h, Fmt.count(mining.upCount()), "UP", "up");
        card(h, Fmt.count(mining.downCount()), "DOWN", "down");
        card(h, Fmt.count(mining.tickersMined()), "tickers mined", null);
        card(h, Fmt.count(mining.exclusions().size()), "tickers excluded", null);
        card(h, Fmt.count(study.features().size()), "moves with lead-up", null);
        h.append("</div>\n");

        method(h, study.miningConfig(), mining);
        h.append("<h2>Moves by window</h2>\n");
        figure(h, Charts.stackedBars("Moves by forward window", FindingsData.byWindow(study)),
                "Figure 1. Moves kept after de-duplication, by the window of the kept move; n = "
                        + Fmt.count(mining.moves().size()) + " moves.");
        h.append("<h2>Moves by sector</h2>\n");
        figure(h, Charts.stackedBars("Moves by sector", FindingsData.bySector(study)),
                "Figure 2. Moves by the ticker's sector; n = " + Fmt.count(mining.moves().size()) + " moves in "
                        + Fmt.count(mining.tickersWithMoves()) + " tickers.");
        topMoves(h, study);
        LeadUpHtml.append(h, study);
        exclusions(h, mining);
        caveats(h, study.scores());
        h.append("</body>\n</html>\n");
        return h.toString();
    }

    private static void method(StringBuilder h, MiningConfig c, MiningResult mining) {
        h.append("<h2>How moves were found</h2>\n<ul>\n")
                .append("<li>Tickers with at least ").append(c.minBars())
                .append(" daily bars and a mean daily volume over their last ").append(c.liquidityDays())
                .append(" days of ").append(Fmt.count(Math.round(c.minAvgVolume())))
                .append(" or more: ")
                .append(Fmt.count(mining.tickersMined())).append(" tickers, ")
                .append(Fmt.count(mining.barsScanned())).append(" bars.</li>\n")
                .append("<li>Every start day and forward window of ").append(esc(c.windows().toString()))
                .append(" trading days where the change from the start close to the highest high (UP) or lowest "
                        + "low (DOWN) of the window is at least ").append(Fmt.num(c.minMovePct(), 1))
                .append("%: ").append(Fmt.count(mining.candidates())).append(" candidates.</li>\n")
                .append("<li>One move per ticker, direction and start bucket of ").append(c.bucketDays())
                .append(" consecutive weekdays (counted from Monday 1970-01-05): the largest; ties go to the shorter "
                        + "window, then the earlier start. ").append(Fmt.count(mining.moves().size()))
                .append(" moves remain.</li>\n</ul>\n");
    }

    private static void topMoves(StringBuilder h, StudyResult study) {
        List<Move> top = FindingsData.topMoves(study);
        h.append("<h2>Largest moves</h2>\n<table>\n<caption>The ").append(top.size())
                .append(" largest of ").append(Fmt.count(study.mining().moves().size()))
                .append(" moves</caption>\n<tr><th>Ticker</th><th>Sector</th><th>Direction</th><th>Window</th>"
                        + "<th>Start</th><th>Peak</th><th>Start close</th><th>Peak price</th><th>Change</th></tr>\n");
        for (Move m : top) {
            h.append("<tr><td>").append(esc(m.ticker())).append("</td><td>").append(esc(m.sector()))
                    .append("</td><td>").append(m.direction()).append("</td><td>").append(m.windowDays())
                    .append(" d</td><td>").append(m.startDate()).append("</td><td>").append(m.peakDate())
                    .append("</td><td>").append(Fmt.num(m.startClose(), 2)).append("</td><td>")
                    .append(Fmt.num(m.peakPrice(), 2)).append("</td><td>").append(Fmt.signedPct(m.magnitudePct()))
                    .append("</td></tr>\n");
        }
        h.append("</table>\n");
    }

    private static void exclusions(StringBuilder h, MiningResult mining) {
        h.append("<h2>Excluded tickers</h2>\n<p>");
        mining.exclusionCounts().forEach((reason, count) -> h.append(esc(reason.name())).append(": ")
                .append(count).append(". "));
        h.append("</p>\n");
        if (mining.exclusions().isEmpty()) {
            return;
        }
        h.append("<table>\n<caption>").append(mining.exclusions().size())
                .append(" excluded tickers</caption>\n<tr><th>Ticker</th><th>Reason</th><th>Bars</th>"
                        + "<th>Mean volume</th></tr>\n");
        for (Exclusion e : mining.exclusions()) {
            h.append("<tr><td>").append(esc(e.ticker())).append("</td><td>").append(e.reason()).append("</td><td>")
                    .append(Fmt.count(e.bars())).append("</td><td>").append(Fmt.count(Math.round(e.avgVolume())))
                    .append("</td></tr>\n");
        }
        h.append("</table>\n");
    }

    private static void caveats(StringBuilder h, PatternScores scores) {
        h.append("<h2>Reading these numbers</h2>\n<ul>\n")
                .append("<li>UP% is the share of significant moves that went up after a lead-up, not the hit rate "
                        + "of a prediction: every case here is a move of at least the threshold.</li>\n")
                .append("<li>Moves are not independent: a ticker's windows overlap and many tickers move on the "
                        + "same days, so the intervals are narrower than the evidence warrants.</li>\n")
                .append("<li>The ").append(scores.pairsTested())
                .append(" archetype pairs are exploratory and uncorrected for multiple testing; a candidate "
                        + "pattern must pass the retrospective's false-discovery control and an out-of-sample check "
                        + "before it is proposed.</li>\n</ul>\n");
    }

    private static void card(StringBuilder h, String value, String label, String cssClass) {
        h.append("<div class=\"card\"><span class=\"big");
        if (cssClass != null) {
            h.append(' ').append(cssClass);
        }
        h.append("\">").append(value).append("</span>").append(esc(label)).append("</div>\n");
    }

    static void figure(StringBuilder h, String svg, String caption) {
        h.append("<figure>\n").append(svg).append("\n<figcaption>").append(esc(caption))
                .append("</figcaption>\n</figure>\n");
    }

    private static String esc(String text) {
        return Xml.escape(text);
    }
}
