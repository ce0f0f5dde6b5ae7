package io.edgeloop.stack.loop;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.edgeloop.core.stats.Interval;
import io.edgeloop.core.stats.WilsonInterval;

/**
 * {@code summary.json} of a replay, computed from the written files so it always agrees with
 * them: line counts per file, predictions per trigger, outcomes per status, hit rates overall
 * and per trigger with their interval, and (the only part that differs between two replays of
 * the same input) a {@code timing} block.
 *
 * <p>Hit rate: hits / n over the RESOLVED outcomes whose {@code hit} is set, overall and by the
 * trigger of the outcome's prediction, with the Wilson score interval at {@link #LEVEL} (core's
 * {@link WilsonInterval}: E. B. Wilson, JASA 1927).
 */
public final class ReplaySummary {

    /** Confidence level of the hit-rate intervals. */
    public static final double LEVEL = 0.95;

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private ReplaySummary() {
    }

    /** A hit count, with the rate and its interval. */
    record HitRate(long hits, long n) {

        double rate() {
            return n == 0 ? 0 : (double) hits / n;
        }

        Interval interval() {
            return WilsonInterval.of(hits, n, LEVEL);
        }

        HitRate plus(boolean hit) {
            return new HitRate(hits + (hit ? 1 : 0), n + 1);
        }

        ObjectNode json() {
            ObjectNode node = MAPPER.createObjectNode().put("n", n).put("hits", hits);
            if (n > 0) {
                Interval i = interval();
                node.put("rate", round(rate())).put("lower", round(i.lower())).put("upper", round(i.upper()));
            }
            return node;
        }
    }

    /** The hit rates of the outcome and prediction files: key "" is overall, else a trigger. */
    static Map<String, HitRate> hitRates(Path outcomes, Map<String, String> triggerOf) throws IOException {
        Map<String, HitRate> rates = new TreeMap<>();
        rates.put("", new HitRate(0, 0));
        for (JsonNode o : lines(outcomes)) {
            if (!"RESOLVED".equals(o.path("status").asText()) || !o.path("hit").isBoolean()) {
                continue;
            }
            boolean hit = o.get("hit").asBoolean();
            rates.merge("", new HitRate(0, 0), (a, b) -> a.plus(hit));
            String trigger = triggerOf.getOrDefault(o.path("predictionId").asText(), "UNKNOWN");
            rates.merge(trigger, new HitRate(hit ? 1 : 0, 1), (a, b) -> a.plus(hit));
        }
        return rates;
    }

    /**
     * The summary of the files in {@code out}.
     *
     * @param settings what was replayed
     * @param run      the run's figures
     */
    public static ObjectNode of(Path out, LoopSettings settings, LoopRun run) throws IOException {
        ObjectNode root = MAPPER.createObjectNode();
        ObjectNode input = root.putObject("input");
        input.putPOJO("tickers", settings.tickers());
        input.put("from", settings.from() == null ? null : settings.from().toString());
        input.put("to", settings.to() == null ? null : settings.to().toString());
        input.put("retro", settings.retro());

        ObjectNode counts = root.putObject("counts");
        for (TopicFile f : TopicFile.OUTPUTS) {
            counts.put(f.topic().name(), lineCount(out.resolve(f.fileName())));
        }
        ObjectNode candles = root.putObject("candles");
        candles.put("processed", run.candlesProcessed());
        candles.put("connectorRecords", run.candlesPublished());
        candles.put("connectorDeadLetters", run.connectorDeadLetters());

        Map<String, String> triggerOf = new HashMap<>();
        Map<String, Long> byTrigger = new TreeMap<>();
        for (JsonNode p : lines(out.resolve("predictions.jsonl"))) {
            triggerOf.put(p.path("id").asText(), p.path("trigger").asText());
            byTrigger.merge(p.path("trigger").asText(), 1L, Long::sum);
        }
        root.putPOJO("predictionsByTrigger", byTrigger);
        Map<String, Long> byStatus = new TreeMap<>();
        long resolvedOrExpired = 0;
        for (JsonNode o : lines(out.resolve("outcomes.jsonl"))) {
            byStatus.merge(o.path("status").asText(), 1L, Long::sum);
            resolvedOrExpired++;
        }
        root.putPOJO("outcomesByStatus", byStatus);
        root.put("predictionsWithoutOutcome", triggerOf.size() - resolvedOrExpired);

        Map<String, HitRate> rates = hitRates(out.resolve("outcomes.jsonl"), triggerOf);
        ObjectNode hit = root.putObject("hitRate");
        hit.put("level", LEVEL);
        hit.put("interval", "Wilson");
        hit.set("overall", rates.get("").json());
        ObjectNode perTrigger = hit.putObject("byTrigger");
        rates.forEach((trigger, rate) -> {
            if (!trigger.isEmpty()) {
                perTrigger.set(trigger, rate.json());
            }
        });
        root.put("retroRuns", run.retroRuns());

        ObjectNode timing = root.putObject("timing");
        timing.put("startupMillis", run.startupMillis());
        timing.put("candlesLoadedMillis", run.candlesMillis());
        timing.put("streamsDoneMillis", run.streamsMillis());
        timing.put("resolvedMillis", run.resolvedMillis());
        timing.put("retroMillis", run.retroMillis());
        timing.put("totalMillis", run.totalMillis());
        timing.put("candlesPerSecond", Math.round(run.candlesPerSecond()));
        timing.put("candlesPerSecondWall", Math.round(run.candlesPerSecondWall()));
        return root;
    }

    /** Writes the summary as pretty JSON. */
    public static void write(Path file, ObjectNode summary) throws IOException {
        Files.writeString(file, MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(summary) + "\n",
                StandardCharsets.UTF_8);
    }

    static long lineCount(Path file) throws IOException {
        try (var lines = Files.lines(file, StandardCharsets.UTF_8)) {
            return lines.filter(l -> !l.isBlank()).count();
        }
    }

    private static List<JsonNode> lines(Path file) throws IOException {
        try (BufferedReader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            return r.lines().filter(l -> !l.isBlank()).map(ReplaySummary::parse).toList();
        }
    }

    private static JsonNode parse(String line) {
        try {
            return MAPPER.readTree(line);
        } catch (IOException e) {
            throw new IllegalStateException("not a JSON line: " + line, e);
        }
    }

    private static double round(double x) {
        return Math.round(x * 10_000) / 10_000.0;
    }
}
