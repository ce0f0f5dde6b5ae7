package io.edgeloop.retro;

import io.edgeloop.core.retro.PatternEdge;
import io.edgeloop.core.retro.SeedResult;
import io.edgeloop.schemas.avro.ModelChange;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * What {@link RetroCommand#seed} did.
 *
 * @param result  the judged patterns and the proposals
 * @param changes the proposals as changelog records, ready to publish
 * @param files   the files written
 * @param bars    daily bars read
 * @param load    time to read the data folder
 * @param compute time of the score trails and the judging
 */
public record SeedRun(SeedResult result, List<ModelChange> changes, List<Path> files, long bars, Duration load,
                      Duration compute) {

    public SeedRun {
        changes = List.copyOf(changes);
        files = List.copyOf(files);
    }

    /** A few lines for the console. */
    public List<String> describe() {
        SeedResult r = result;
        List<String> lines = new ArrayList<>();
        lines.add(String.format(Locale.ROOT, "seeding: %d patterns judged on %s .. %s (%,d daily bars, %d tickers with "
                + "a score trail)", r.edges().size(), r.from(), r.asOf(), bars, r.tickers()));
        lines.add("verdicts: " + r.edges().stream().collect(Collectors.groupingBy(PatternEdge::verdict,
                java.util.TreeMap::new, Collectors.counting())));
        r.proposals().forEach(p -> lines.add("  " + p.kind() + " " + p.severity() + ": " + p.summary()));
        lines.add("wrote " + files.stream().map(f -> f.getFileName().toString()).collect(Collectors.joining(", "))
                + (files.isEmpty() ? "" : " to " + files.get(0).getParent()));
        lines.add(String.format(Locale.ROOT, "took %.1f s to read the files, %.1f s for the trails and the judging",
                load.toMillis() / 1e3, compute.toMillis() / 1e3));
        return lines;
    }
}
