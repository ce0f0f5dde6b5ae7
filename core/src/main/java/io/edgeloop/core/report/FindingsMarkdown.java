package io.edgeloop.core.report;

import io.edgeloop.core.mining.ArchetypeScore;
import io.edgeloop.core.mining.CompoundScore;
import io.edgeloop.core.mining.Exclusion;
import io.edgeloop.core.mining.FeatureLift;
import io.edgeloop.core.mining.GroupStats;
import io.edgeloop.core.mining.MiningConfig;
import io.edgeloop.core.mining.MiningResult;
import io.edgeloop.core.mining.Move;
import io.edgeloop.core.mining.PatternScores;
import io.edgeloop.core.mining.StudyResult;

import java.time.LocalDate;
import java.util.List;

/** {@code FINDINGS.md}: the findings as text and tables, the same numbers as the HTML page. */
public final class FindingsMarkdown {

    private FindingsMarkdown() {
    }

    public static String render(StudyResult study, String dataDescription) {
        StringBuilder md = new StringBuilder(32 * 1024);
        MiningResult mining = study.mining();
        MiningConfig c = study.miningConfig();
        md.append("# Findings: significant moves and their lead-up\n\n").append(cell(dataDescription)).append('.');
        LocalDate[] range = FindingsData.range(study);
        if (range != null) {
            md.append(" Moves start between ").append(range[0]).append(" and ").append(range[1]).append('.');
        }
        md.append(" Charts: `FINDINGS.html`.\n\n")
                .append("| Moves | UP | DOWN | Tickers mined | Tickers excluded | Moves with lead-up |\n")
                .append("|---:|---:|---:|---:|---:|---:|\n| ").append(Fmt.count(mining.moves().size())).append(" | ")
                .append(Fmt.count(mining.upCount())).append(" | ").append(Fmt.count(mining.downCount())).append(" | ")
                .append(Fmt.count(mining.tickersMined())).append(" | ").append(Fmt.count(mining.exclusions().size()))
                .append(" | ").append(Fmt.count(study.features().size())).append(" |\n\n");

        md.append("## How moves were found\n\n- Tickers with at least ").append(c.minBars())
                .append(" daily bars and a mean daily volume over their last ").append(c.liquidityDays())
                .append(" days of at least ").append(Fmt.count(Math.round(c.minAvgVolume()))).append(": ")
                .append(Fmt.count(mining.tickersMined())).append(" tickers, ").append(Fmt.count(mining.barsScanned()))
                .append(" bars.\n- Forward windows ").append(c.windows()).append(" trading days; close-to-peak change ")
                .append("(highest high UP, lowest low DOWN) of at least ").append(Fmt.num(c.minMovePct(), 1))
                .append("%: ").append(Fmt.count(mining.candidates())).append(" candidates.\n")
                .append("- One move per ticker, direction and start bucket of ").append(c.bucketDays())
                .append(" consecutive weekdays: the largest (ties: shorter window, then earlier start): ")
                .append(Fmt.count(mining.moves().size())).append(" moves.\n\n");

        md.append("## Moves by window (n = ").append(Fmt.count(mining.moves().size())).append(")\n\n");
        bars(md, "Window", FindingsData.byWindow(study));
        md.append("## Moves by sector (n = ").append(Fmt.count(mining.moves().size())).append(")\n\n");
        bars(md, "Sector", FindingsData.bySector(study));

        md.append("## Largest moves\n\n| Ticker | Sector | Direction | Window | Start | Peak | Change |\n")
                .append("|---|---|---|---:|---|---|---:|\n");
        for (Move m : FindingsData.topMoves(study)) {
            md.append("| ").append(cell(m.ticker())).append(" | ").append(cell(m.sector())).append(" | ")
                    .append(m.direction()).append(" | ").append(m.windowDays()).append(" d | ").append(m.startDate())
                    .append(" | ").append(m.peakDate()).append(" | ").append(Fmt.signedPct(m.magnitudePct()))
                    .append(" |\n");
        }
        md.append('\n');
        leadUp(md, study);
        md.append("## Excluded tickers\n\n");
        mining.exclusionCounts().forEach((reason, count) -> md.append("- ").append(reason).append(": ")
                .append(count).append('\n'));
        md.append('\n');
        if (!mining.exclusions().isEmpty()) {
            md.append("| Ticker | Reason | Bars | Mean volume |\n|---|---|---:|---:|\n");
            for (Exclusion e : mining.exclusions()) {
                md.append("| ").append(cell(e.ticker())).append(" | ").append(e.reason()).append(" | ")
                        .append(Fmt.count(e.bars())).append(" | ").append(Fmt.count(Math.round(e.avgVolume())))
                        .append(" |\n");
            }
            md.append('\n');
        }
        md.append("## Reading these numbers\n\n")
                .append("- UP% is the share of significant moves that went up after a lead-up, not a prediction's "
                        + "hit rate.\n")
                .append("- Moves are not independent (overlapping windows, market-wide days): intervals are "
                        + "narrower than the evidence warrants.\n")
                .append("- The ").append(study.scores().pairsTested())
                .append(" archetype pairs are exploratory and uncorrected for multiple testing.\n");
        return md.toString();
    }

    private static void bars(StringBuilder md, String header, List<Charts.Bar> bars) {
        md.append("| ").append(header).append(" | UP | DOWN | Total |\n|---|---:|---:|---:|\n");
        for (Charts.Bar b : bars) {
            md.append("| ").append(cell(b.label())).append(" | ").append(Fmt.count(b.up())).append(" | ")
                    .append(Fmt.count(b.down())).append(" | ").append(Fmt.count(b.total())).append(" |\n");
        }
        md.append('\n');
    }

    private static void leadUp(StringBuilder md, StudyResult study) {
        PatternScores scores = study.scores();
        GroupStats base = scores.baseline();
        md.append("## What preceded the moves\n\n").append(Fmt.count(base.n())).append(" of ")
                .append(Fmt.count(study.mining().moves().size()))
                .append(" moves have a score trail covering their lead-up and peak.");
        if (base.n() == 0) {
            md.append(" The archetypes, pairs and feature lift need the scoring engine's trail and are not "
                    + "measured yet.\n\n");
            return;
        }
        md.append(" Base rate: ").append(Fmt.pct(base.upPct())).append(" UP (")
                .append(Fmt.interval(base.upLowPct(), base.upHighPct())).append(").\n\n")
                .append("| Archetype | Bias | n | UP% | Interval | Avg up | Avg down | EV | Dir. acc. |\n")
                .append("|---|---|---:|---:|---:|---:|---:|---:|---:|\n");
        for (ArchetypeScore a : scores.archetypes()) {
            GroupStats s = a.stats();
            md.append("| ").append(cell(a.name())).append(" | ").append(a.bias()).append(" | ")
                    .append(Fmt.count(s.n())).append(" | ").append(Fmt.pct(s.upPct())).append(" | ")
                    .append(Fmt.interval(s.upLowPct(), s.upHighPct())).append(" | ").append(Fmt.pct(s.avgUpPct()))
                    .append(" | ").append(Fmt.pct(s.avgDownPct())).append(" | ").append(Fmt.signed(s.expectedValue()))
                    .append(" | ").append(Fmt.pct(a.directionalAccuracyPct())).append(" |\n");
        }
        md.append("\n### Archetype pairs\n\n").append(scores.pairsTested()).append(" pairs examined, ")
                .append(scores.compounds().size()).append(" kept (n >= ").append(scores.config().compoundMinN())
                .append(", bias >= ").append(Fmt.num(scores.config().compoundMinBiasPct(), 0)).append("%).\n\n");
        if (!scores.compounds().isEmpty()) {
            md.append("| Pair | Bias | n | Bias % | EV |\n|---|---|---:|---:|---:|\n");
            for (CompoundScore c : scores.compounds()) {
                md.append("| ").append(cell(c.name())).append(" | ").append(c.bias()).append(" | ")
                        .append(Fmt.count(c.stats().n())).append(" | ").append(Fmt.pct(c.biasPct())).append(" | ")
                        .append(Fmt.signed(c.stats().expectedValue())).append(" |\n");
            }
            md.append('\n');
        }
        md.append("### Feature lift (base rate ").append(Fmt.pct(base.upPct())).append(")\n\n")
                .append("| Feature | n | UP% | Lift vs base | n without | UP% without |\n")
                .append("|---|---:|---:|---:|---:|---:|\n");
        for (FeatureLift l : scores.lift()) {
            md.append("| ").append(cell(l.feature())).append(" | ").append(Fmt.count(l.present().n())).append(" | ")
                    .append(Fmt.pct(l.present().upPct())).append(" | ").append(Fmt.signed(l.liftPts()))
                    .append(" pts | ").append(Fmt.count(l.absentN())).append(" | ").append(Fmt.pct(l.absentUpPct()))
                    .append(" |\n");
        }
        md.append('\n');
    }

    /** A table cell: pipes escaped. */
    private static String cell(String text) {
        return text.replace("|", "\\|");
    }
}
