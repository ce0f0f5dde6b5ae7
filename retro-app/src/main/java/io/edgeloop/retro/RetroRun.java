package io.edgeloop.retro;

import io.edgeloop.core.retro.RetroResult;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * What one {@link RetroCommand} run did.
 *
 * @param result  the retrospective
 * @param files   the files written, in the order written
 * @param bars    daily bars read
 * @param load    time to read the data folder
 * @param compute time of the score trails (built as the study asks for them), the study and the
 *                retrospective
 */
public record RetroRun(RetroResult result, List<Path> files, long bars, Duration load, Duration compute) {

    public RetroRun {
        files = List.copyOf(files);
    }

    /** The stamp of the proposals: the default schedule time of the as-of date. */
    public Instant proposedAt() {
        return RetroCommand.proposedAt(result.windows().asOf());
    }

    /** A few lines for the console: the windows, what was found, what was written, how long it took. */
    public List<String> describe() {
        RetroResult r = result;
        List<String> lines = new ArrayList<>();
        lines.add(String.format(Locale.ROOT, "retrospective as of %s (%s)", r.windows().asOf(), r.windows().describe()));
        lines.add(String.format(Locale.ROOT, "%,d daily bars read; %,d moves mined, %,d in the lookback with a lead-up; "
                        + "%d tickers with a score trail", bars, r.study().mining().moves().size(), r.sample().size(),
                r.trails()));
        lines.add(String.format(Locale.ROOT, "%d patterns re-scored, %d feature combinations tested, %d survived the "
                        + "FDR control, %d proposals", r.rescoring().size(), r.discovery().combinations(),
                r.discovery().survivors().size(), r.proposals().size()));
        r.proposals().forEach(p -> lines.add("  " + p.kind() + " " + p.severity() + ": " + p.summary()));
        r.notes().forEach(n -> lines.add("note: " + n));
        lines.add("wrote " + files.stream().map(f -> f.getFileName().toString()).collect(Collectors.joining(", "))
                + (files.isEmpty() ? "" : " to " + files.get(0).getParent()));
        lines.add(String.format(Locale.ROOT, "took %.1f s to read the files, %.1f s for the trails, the study and the "
                + "retrospective", load.toMillis() / 1e3, compute.toMillis() / 1e3));
        return lines;
    }
}
