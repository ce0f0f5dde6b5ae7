package io.edgeloop.retro;

import io.edgeloop.core.model.ModelConfig;
import io.edgeloop.core.report.RetroFiles;
import io.edgeloop.core.report.RetroMarkdown;
import io.edgeloop.core.report.StudyFiles;
import io.edgeloop.core.retro.DailyData;
import io.edgeloop.core.retro.RetroResult;
import io.edgeloop.core.retro.RetroSchedule;
import io.edgeloop.core.retro.Retrospective;
import io.edgeloop.core.retro.SeedResult;
import io.edgeloop.core.retro.TrailBuilder;
import io.edgeloop.core.retro.TrailSource;
import io.edgeloop.core.rules.PatternDefinition;
import io.edgeloop.core.rules.PatternJson;
import io.edgeloop.core.rules.SeedPatterns;
import io.edgeloop.core.stats.BetaPrior;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * {@code edgeloop retro --data DIR --out DIR}: the study and the retrospective on candle files,
 * without a broker. Writes into {@code out}: {@code moves.jsonl}, {@code pattern_features.jsonl},
 * {@code pattern_scores.json}, {@code FINDINGS.md}, {@code FINDINGS.html} (the study of all data
 * up to the as-of date), {@code RETRO.md}, {@code RETRO.html} and {@code proposals.jsonl} (the
 * proposals as changelog records, stamped at the default schedule time of the as-of date).
 */
public final class RetroCommand {

    /** The seeding report. */
    public static final String SEED_MD = "SEED.md";

    private final Trails trails;

    /** Where the score trails of a run come from. */
    @FunctionalInterface
    public interface Trails {
        /** The trails of the data, scored with the library's patterns. */
        TrailSource of(DailyData data, List<PatternDefinition> library);
    }

    /**
     * The command as {@code edgeloop retro} runs it: trails recomputed by the scoring engine
     * ({@link TrailBuilder}, default model settings, the library being re-scored, uniform prior).
     */
    public static RetroCommand standard() {
        return new RetroCommand((data, library) -> new TrailBuilder(data.bars(), ModelConfig.defaults(), library,
                BetaPrior.UNIFORM));
    }

    /** @param trails how to get the score trails of the data (the engine, or none) */
    public RetroCommand(Trails trails) {
        this.trails = Objects.requireNonNull(trails, "trails");
    }

    /**
     * Runs on a data folder.
     *
     * @throws IOException when the data cannot be read or the output not written
     * @throws IllegalArgumentException when the folder holds no daily candles or the library
     *                                  file is invalid
     */
    public RetroRun run(Path data, Path out, RetroOptions options) throws IOException {
        long t0 = System.nanoTime();
        DailyData daily = DailyData.load(data);
        List<PatternDefinition> library = library(options);
        long t1 = System.nanoTime();
        TrailSource source = trails.of(daily, library);
        RetroResult result = Retrospective.defaults(options.config())
                .run(daily.bars(), daily::sectorOf, source, library, options.asOf());
        long t2 = System.nanoTime();
        String description = daily.description() + ", as of " + result.windows().asOf();
        RetroFiles.writeAll(result, description, out);
        Instant proposedAt = proposedAt(result.windows().asOf());
        List<Path> files = new ArrayList<>();
        for (String name : List.of(StudyFiles.MOVES, StudyFiles.PATTERN_FEATURES, StudyFiles.PATTERN_SCORES,
                StudyFiles.FINDINGS_MD, StudyFiles.FINDINGS_HTML, RetroFiles.RETRO_MD, RetroFiles.RETRO_HTML)) {
            files.add(out.resolve(name));
        }
        files.add(ProposalFiles.write(result.proposals(), proposedAt, out, ProposalFiles.PROPOSALS));
        return new RetroRun(result, files, daily.barCount(), Duration.ofNanos(t1 - t0), Duration.ofNanos(t2 - t1));
    }

    /**
     * Seeding on a data folder: judges every library pattern on the whole history up to the as-of
     * date ({@link io.edgeloop.core.retro.PatternSeeding}) and writes {@code SEED.md} and
     * {@code seed-proposals.jsonl} (PROMOTE and DEGRADE proposals as changelog records, stamped at
     * the default schedule time of the as-of date) into {@code out}.
     *
     * @throws IOException when the data cannot be read or the output not written
     * @throws IllegalArgumentException when the folder holds no daily candles or the library
     *                                  file is invalid
     */
    public SeedRun seed(Path data, Path out, RetroOptions options) throws IOException {
        long t0 = System.nanoTime();
        DailyData daily = DailyData.load(data);
        List<PatternDefinition> library = library(options);
        long t1 = System.nanoTime();
        SeedResult result = Retrospective.defaults(options.config())
                .seed(daily.bars(), daily::sectorOf, trails.of(daily, library), library, options.asOf());
        long t2 = System.nanoTime();
        Files.createDirectories(out);
        Path md = out.resolve(SEED_MD);
        Files.writeString(md, RetroMarkdown.renderSeed(result, options.config(), daily.description()),
                StandardCharsets.UTF_8);
        Instant proposedAt = proposedAt(result.asOf());
        Path proposals = ProposalFiles.write(result.proposals(), proposedAt, out, ProposalFiles.SEED_PROPOSALS);
        return new SeedRun(result, ProposalFiles.records(result.proposals(), proposedAt), List.of(md, proposals),
                daily.barCount(), Duration.ofNanos(t1 - t0), Duration.ofNanos(t2 - t1));
    }

    /** The stamp of a run's proposals: the default schedule time of its as-of date. */
    static Instant proposedAt(LocalDate asOf) {
        return asOf.atTime(RetroSchedule.DEFAULT.time()).toInstant(ZoneOffset.UTC);
    }

    private static List<PatternDefinition> library(RetroOptions options) throws IOException {
        if (options.library().isEmpty()) {
            return SeedPatterns.all();
        }
        Path file = Path.of(options.library().get());
        if (!Files.isRegularFile(file)) {
            throw new IllegalArgumentException("pattern library file " + file + " does not exist");
        }
        return PatternJson.parseAll(Files.readString(file, StandardCharsets.UTF_8));
    }
}
