package io.edgeloop.core.report;

import io.edgeloop.core.mining.ArchetypeScore;
import io.edgeloop.core.mining.CompoundScore;
import io.edgeloop.core.mining.FeatureLift;
import io.edgeloop.core.mining.GroupStats;
import io.edgeloop.core.mining.PatternScores;
import io.edgeloop.core.mining.StudyResult;

/** The lead-up part of {@code FINDINGS.html}: archetype hit rates, archetype pairs, feature lift. */
final class LeadUpHtml {

    private LeadUpHtml() {
    }

    static void append(StringBuilder h, StudyResult study) {
        PatternScores scores = study.scores();
        GroupStats base = scores.baseline();
        h.append("<h2>What preceded the moves</h2>\n<p>").append(Fmt.count(base.n())).append(" of ")
                .append(Fmt.count(study.mining().moves().size()))
                .append(" moves have a score trail covering their lead-up (the 5 trading days before the start) "
                        + "and their peak.");
        if (base.n() == 0) {
            h.append("</p>\n<p class=\"notice\">No score trail covers any move, so the archetypes, pairs and "
                    + "feature lift cannot be measured yet. They need the trail of the scoring engine.</p>\n");
            return;
        }
        h.append(" Base rate: ").append(Fmt.pct(base.upPct())).append(" of them went UP (interval ")
                .append(Fmt.interval(base.upLowPct(), base.upHighPct())).append(").</p>\n");
        FindingsHtml.figure(h, Charts.intervals("Archetype hit rates", FindingsData.archetypeIntervals(study), base.upPct()),
                "Figure 3. Share of matching moves that went UP, with its "
                        + Fmt.num(scores.config().confidence() * 100, 0)
                        + "% Wilson interval; green bullish, red bearish, grey neutral archetypes; the dashed line "
                        + "is the base rate; n = " + Fmt.count(base.n()) + " moves with a lead-up.");
        h.append("<table>\n<caption>Archetypes (n = ").append(Fmt.count(base.n())).append(" moves)</caption>\n")
                .append("<tr><th>Archetype</th><th>Bias</th><th>n</th><th>UP</th><th>UP%</th><th>Interval</th>"
                        + "<th>Avg up</th><th>Avg down</th><th>Avg return</th><th>EV</th><th>Dir. acc.</th></tr>\n");
        for (ArchetypeScore a : scores.archetypes()) {
            GroupStats s = a.stats();
            h.append("<tr><td title=\"").append(esc(a.rule())).append("\">").append(esc(a.name()))
                    .append("</td><td class=\"").append(a.bias()).append("\">").append(a.bias()).append("</td><td>")
                    .append(Fmt.count(s.n())).append("</td><td>").append(Fmt.count(s.up())).append("</td><td>")
                    .append(Fmt.pct(s.upPct())).append("</td><td>").append(Fmt.interval(s.upLowPct(), s.upHighPct()))
                    .append("</td><td>").append(Fmt.pct(s.avgUpPct())).append("</td><td>").append(Fmt.pct(s.avgDownPct()))
                    .append("</td><td>").append(Fmt.signedPct(s.avgReturnPct())).append("</td><td>")
                    .append(Fmt.signed(s.expectedValue())).append("</td><td>").append(Fmt.pct(a.directionalAccuracyPct()))
                    .append("</td></tr>\n");
        }
        h.append("</table>\n");
        compounds(h, scores);
        h.append("<h3>Feature lift</h3>\n");
        FindingsHtml.figure(h, Charts.diverging("Feature lift", FindingsData.lift(study)),
                "Figure 4. UP share of the moves with each lead-up feature minus the base rate of "
                        + Fmt.pct(base.upPct()) + ", in percentage points; n per feature, of "
                        + Fmt.count(base.n()) + " moves.");
        h.append("<table>\n<caption>Feature lift (base rate ").append(Fmt.pct(base.upPct())).append(", n = ")
                .append(Fmt.count(base.n())).append(")</caption>\n<tr><th>Feature</th><th>n</th><th>UP%</th>"
                        + "<th>Interval</th><th>Lift vs base</th><th>n without</th><th>UP% without</th></tr>\n");
        for (FeatureLift l : scores.lift()) {
            h.append("<tr><td title=\"").append(esc(l.description())).append("\">").append(esc(l.feature()))
                    .append("</td><td>").append(Fmt.count(l.present().n())).append("</td><td>")
                    .append(Fmt.pct(l.present().upPct())).append("</td><td>")
                    .append(Fmt.interval(l.present().upLowPct(), l.present().upHighPct())).append("</td><td>")
                    .append(Fmt.signed(l.liftPts())).append(" pts</td><td>").append(Fmt.count(l.absentN()))
                    .append("</td><td>").append(Fmt.pct(l.absentUpPct())).append("</td></tr>\n");
        }
        h.append("</table>\n");
    }

    private static void compounds(StringBuilder h, PatternScores scores) {
        h.append("<h3>Archetype pairs</h3>\n<p>").append(scores.pairsTested())
                .append(" pairs examined; kept when at least ").append(scores.config().compoundMinN())
                .append(" moves match both and one direction has at least ")
                .append(Fmt.num(scores.config().compoundMinBiasPct(), 0)).append("%: ")
                .append(scores.compounds().size()).append(" pairs.</p>\n");
        if (scores.compounds().isEmpty()) {
            return;
        }
        h.append("<table>\n<caption>Archetype pairs with a directional bias</caption>\n<tr><th>Pair</th>"
                + "<th>Bias</th><th>n</th><th>Bias %</th><th>UP% interval</th><th>EV</th></tr>\n");
        for (CompoundScore c : scores.compounds()) {
            h.append("<tr><td>").append(esc(c.name())).append("</td><td class=\"").append(c.bias()).append("\">")
                    .append(c.bias()).append("</td><td>").append(Fmt.count(c.stats().n())).append("</td><td>")
                    .append(Fmt.pct(c.biasPct())).append("</td><td>")
                    .append(Fmt.interval(c.stats().upLowPct(), c.stats().upHighPct())).append("</td><td>")
                    .append(Fmt.signed(c.stats().expectedValue())).append("</td></tr>\n");
        }
        h.append("</table>\n");
    }

    private static String esc(String text) {
        return Xml.escape(text);
    }
}
