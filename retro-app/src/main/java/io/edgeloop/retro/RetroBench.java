package io.edgeloop.retro;

import io.edgeloop.core.candle.Candle;
import io.edgeloop.core.engine.LibraryPatternMatcher;
import io.edgeloop.core.mining.Study;
import io.edgeloop.core.mining.StudyResult;
import io.edgeloop.core.mining.Trail;
import io.edgeloop.core.model.ModelConfig;
import io.edgeloop.core.retro.DailyData;
import io.edgeloop.core.retro.TrailBuilder;
import io.edgeloop.core.rules.SeedPatterns;
import io.edgeloop.core.stats.BetaPrior;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Benchmark of the study over a data folder: the score trails (the engine over every daily bar),
 * then mining, lead-up features and archetype scoring ({@link Study}), each timed after a
 * warm-up round, with the figure per million bars. Run: {@code java -cp edgeloop.jar
 * io.edgeloop.retro.RetroBench [DATA_DIR] [ROUNDS]} (default {@code ../shared/data}, 3 rounds);
 * the goal is the whole study (trails included) under 10 s for the shared data.
 */
public final class RetroBench {

    private RetroBench() {
    }

    /** The figures of one round, in milliseconds. */
    record Round(double trailsMs, double studyMs, StudyResult result) {
        double totalMs() {
            return trailsMs + studyMs;
        }
    }

    public static void main(String[] args) throws IOException {
        Path dir = Path.of(args.length > 0 ? args[0] : "../shared/data");
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 3;
        run(dir, rounds, System.out);
    }

    /** Loads the folder, runs a warm-up and {@code rounds} timed rounds, prints the figures. */
    static List<Round> run(Path dir, int rounds, PrintStream out) throws IOException {
        long t0 = System.nanoTime();
        DailyData data = DailyData.load(dir);
        double loadMs = (System.nanoTime() - t0) / 1e6;
        long bars = data.barCount();
        out.printf(Locale.ROOT, "retro bench: %s; read in %.0f ms (not counted)%n", data.description(), loadMs);
        round(data);
        List<Round> timed = new java.util.ArrayList<>();
        for (int i = 0; i < rounds; i++) {
            Round r = round(data);
            timed.add(r);
            out.printf(Locale.ROOT, "round %d: trails %.0f ms, mining + lead-up + archetypes %.0f ms, total %.0f ms "
                            + "= %.0f ms per 1M bars (%,d moves, %,d with lead-up)%n", i + 1, r.trailsMs(), r.studyMs(),
                    r.totalMs(), r.totalMs() / bars * 1e6, r.result().mining().moves().size(),
                    r.result().features().size());
        }
        Round best = timed.stream().min(java.util.Comparator.comparingDouble(Round::totalMs)).orElseThrow();
        out.printf(Locale.ROOT, "best of %d over %,d bars: %.2f s (trails %.2f s, study %.2f s), %.0f ms per 1M bars; "
                        + "goal < 10 s: %s%n", rounds, bars, best.totalMs() / 1e3, best.trailsMs() / 1e3,
                best.studyMs() / 1e3, best.totalMs() / bars * 1e6, best.totalMs() < 10_000 ? "met" : "missed");
        return timed;
    }

    private static Round round(DailyData data) {
        long t0 = System.nanoTime();
        Map<String, Trail> trails = new ConcurrentHashMap<>();
        data.bars().entrySet().parallelStream().forEach(e -> trails.put(e.getKey(), trail(e.getKey(), e.getValue())));
        long t1 = System.nanoTime();
        StudyResult result = Study.defaults().run(data.bars(), data::sectorOf, t -> Optional.ofNullable(trails.get(t)));
        long t2 = System.nanoTime();
        return new Round((t1 - t0) / 1e6, (t2 - t1) / 1e6, result);
    }

    private static Trail trail(String ticker, List<Candle> bars) {
        return TrailBuilder.build(ticker, bars, ModelConfig.defaults(),
                LibraryPatternMatcher.of(SeedPatterns.all(), BetaPrior.UNIFORM));
    }
}
