package io.edgeloop.core.report;

import io.edgeloop.core.retro.DiscoveryResult;
import io.edgeloop.core.retro.RetroConfig;
import io.edgeloop.core.retro.RetroResult;
import io.edgeloop.core.retro.SeedResult;

import java.util.List;

/** {@code RETRO.md}: what the retrospective found and proposes, as text and tables (charts: {@code RETRO.html}). */
public final class RetroMarkdown {

    private RetroMarkdown() {
    }

    /** {@code withStudy}: whether the study's files ({@code FINDINGS.md}, ...) are in the same folder. */
    public static String render(RetroResult r, String dataDescription, boolean withStudy) {
        StringBuilder md = new StringBuilder(32 * 1024);
        RetroConfig c = r.config();
        md.append("# Retrospective as of ").append(r.windows().asOf()).append("\n\n").append(cell(dataDescription))
                .append(". Windows: ").append(r.windows().describe()).append(". Charts: `RETRO.html`")
                .append(withStudy ? "; the study of all data up to the as-of date: `FINDINGS.md`.\n\n"
                        : " (the study of all data is not written with this run).\n\n");
        for (String note : r.notes()) {
            md.append("> ").append(cell(note)).append("\n\n");
        }
        md.append("## Proposals\n\n");
        if (r.proposals().isEmpty()) {
            md.append("No change is proposed: nothing passed its test.\n\n");
        } else {
            table(md, RetroTables.proposals(r));
        }
        md.append("## Regime: UP share of significant moves, recent vs prior\n\n")
                .append("Moves are counted by start date; the test corrects for moves of one week moving together ")
                .append("(the market: pooled Rao-Scott design effect of weekly clusters; a sector: Kish's design ")
                .append("effect from the market's intraclass correlation). Sectors are one family: their p-values ")
                .append("are adjusted with Benjamini-Hochberg (q) before they are compared with alpha = ")
                .append(Fmt.num(c.alpha(), 2)).append(".\n\n");
        table(md, RetroTables.regimes(List.of(r.regime().market()), "Market", "Scope"));
        table(md, RetroTables.regimes(r.regime().sectors(), "Sectors", "Sector"));
        md.append("## Library patterns, re-scored\n\n").append("A hit is a move of at least the study's threshold ")
                .append("in the pattern's direction within ").append(c.horizonDays()).append(" trading days after ")
                .append("a day it matched; a ticker's counted matches are at least ").append(c.horizonDays() + 1)
                .append(" bars apart. At least ").append(c.minNPerWindow()).append(" matches per window; q adjusts ")
                .append("over the tested patterns.\n\n");
        table(md, RetroTables.rescoring(r));
        discovery(md, r.discovery(), c);
        md.append("## Pattern regimes: UP share of the moves each pattern matched at their start\n\n");
        table(md, RetroTables.regimes(r.regime().patterns(), "Patterns", "Pattern"));
        return md.toString();
    }

    /** {@code SEED.md}: every library pattern judged on the whole history, and the seeding proposals. */
    public static String renderSeed(SeedResult r, RetroConfig c, String dataDescription) {
        StringBuilder md = new StringBuilder(8 * 1024);
        md.append("# Seeding: the library judged on the history ").append(r.from()).append(" .. ").append(r.asOf())
                .append("\n\n").append(cell(dataDescription)).append(", ").append(r.tickers())
                .append(" tickers with a score trail.\n\n")
                .append("A hit is a move of at least the study's threshold in the pattern's direction within ")
                .append(c.horizonDays()).append(" trading days. Each pattern's hit rate on the days it matched is ")
                .append("tested against its base rate on the days it did not (each side's counted days at least ")
                .append(c.horizonDays() + 1).append(" bars apart per ticker, corrected for days of one week moving ")
                .append("together); q adjusts over the judged patterns (Benjamini-Hochberg), significant at q <= ")
                .append(Fmt.num(c.alpha(), 2)).append(". A pattern not ACTIVE with an edge is proposed for promotion, ")
                .append("an ACTIVE one below its base rate for degrading; the operators decide.\n\n");
        md.append("## Proposals\n\n");
        if (r.proposals().isEmpty()) {
            md.append("No change is proposed: the history confirms the library's statuses.\n\n");
        } else {
            table(md, RetroTables.proposals(r.proposals()));
        }
        md.append("## Library patterns\n\n");
        table(md, RetroTables.edges(r));
        return md.toString();
    }

    private static void discovery(StringBuilder md, DiscoveryResult d, RetroConfig c) {
        md.append("## Candidate discovery\n\nEvery pair and triple of the ").append(d.features())
                .append(" lead-up features is a test of its moves' UP share against the base rate, fitted on the ")
                .append("prior window (").append(Fmt.count(d.fitN())).append(" moves, ").append(Fmt.count(d.fitUp()))
                .append(" UP) and checked on the recent window (").append(Fmt.count(d.testN())).append(" moves, ")
                .append(Fmt.count(d.testUp())).append(" UP). Survivors of the false-discovery control must show that ")
                .append("each feature adds to the others (its p-value adjusted over the survivors < ")
                .append(Fmt.num(c.alpha(), 2)).append("), hold out ")
                .append("of sample (one-sided p < ").append(Fmt.num(c.oosAlpha(), 2)).append("), not be covered (>= ")
                .append(Fmt.num(100 * c.coverage(), 0)).append("% of their moves) by an existing pattern, and have ")
                .append("a snapshot-rule form.\n\n");
        table(md, RetroTables.funnel(d));
        if (!d.survivors().isEmpty()) {
            table(md, RetroTables.survivors(d));
        }
    }

    private static void table(StringBuilder md, RetroTables.Table t) {
        md.append("**").append(cell(t.caption())).append("**\n\n|");
        t.header().forEach(h -> md.append(' ').append(cell(h)).append(" |"));
        md.append("\n|");
        t.header().forEach(h -> md.append("---|"));
        md.append('\n');
        for (List<String> row : t.rows()) {
            md.append('|');
            row.forEach(v -> md.append(' ').append(cell(v)).append(" |"));
            md.append('\n');
        }
        md.append('\n');
    }

    private static String cell(String text) {
        return text.replace("|", "\\|").replace("\n", " ");
    }
}
