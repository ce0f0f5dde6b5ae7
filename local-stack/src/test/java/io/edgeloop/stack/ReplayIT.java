package io.edgeloop.stack;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.edgeloop.stack.loop.TopicFile;

/**
 * A small replay end to end on the embedded stack, twice: two sector ETFs' daily bars over three
 * years (etf-daily and universe-daily files chained), the retrospective on.
 */
class ReplayIT {

    private static final String MARKET_DATA = System.getProperty("edgeloop.data.dir", "../../shared/data");
    private static final ObjectMapper JSON = new ObjectMapper();
    /** Files whose every line must be the same in two replays (wall-clock fields are left out of the files). */
    private static final List<String> EXACT = List.of("scores.jsonl", "predictions.jsonl", "trades.jsonl",
            "outcomes.jsonl", "signals.jsonl", "candles.dlq.jsonl", "pattern-library.jsonl", "model-changelog.jsonl");

    private static final Path WORK = Path.of("target", "it-replay", UUID.randomUUID().toString());
    private static Cli first;
    private static Cli second;

    @BeforeAll
    static void replayTwice() {
        first = replay("a");
        second = replay("b");
    }

    @AfterAll
    static void deleteWork() {
        TestFiles.deleteRecursively(WORK);
    }

    private static Cli replay(String name) {
        return Cli.run("replay", "--data", MARKET_DATA, "--out", WORK.resolve(name).toString(),
                "--run-dir", WORK.resolve("run-" + name).toString(),
                "--tickers", "XLK,XLF", "--from", "2019-01-01", "--to", "2021-12-31");
    }

    @Test
    void shouldWriteEveryTopicFileAndASummaryThatCountsThem() throws IOException {
        assertThat(first.exitCode()).as(first.err()).isZero();
        assertThat(first.out()).contains("edgeloop: wrote").contains("candles/s end to end").contains("stopped cleanly")
                .containsPattern("edgeloop: candles [0-9,]+/[0-9,]+ published, [0-9,]+ processed \\| predictions")
                .doesNotContain("\r");
        JsonNode summary = JSON.readTree(WORK.resolve("a/summary.json").toFile());
        for (TopicFile f : TopicFile.OUTPUTS) {
            Path file = WORK.resolve("a").resolve(f.fileName());
            assertThat(file).exists();
            assertThat(summary.at("/counts/" + f.topic().name()).asLong()).as(f.fileName()).isEqualTo(lines(file).size());
        }
        assertThat(summary.at("/counts/scores").asLong()).isEqualTo(summary.at("/candles/processed").asLong()).isPositive();
        assertThat(summary.at("/counts/predictions").asLong()).isPositive();
        assertThat(summary.at("/counts/pattern-library").asLong()).isGreaterThanOrEqualTo(17);
        assertThat(summary.at("/retroRuns").asInt()).isPositive();
        assertThat(summary.at("/hitRate/overall/n").asLong()).isPositive();
        assertThat(summary.at("/timing/candlesPerSecond").asLong()).isPositive();
    }

    @Test
    void shouldResolveEveryPredictionWhoseHorizonEndedBeforeTheLastBar() throws IOException {
        Path out = WORK.resolve("a");
        Instant lastBar = lines(out.resolve("scores.jsonl")).stream().map(s -> Instant.parse(s.get("barTime").asText()))
                .max(Instant::compareTo).orElseThrow();
        Map<String, JsonNode> outcomes = new TreeMap<>();
        lines(out.resolve("outcomes.jsonl")).forEach(o -> outcomes.put(o.get("predictionId").asText(), o));
        List<JsonNode> predictions = lines(out.resolve("predictions.jsonl"));

        List<String> due = predictions.stream()
                .filter(p -> Instant.parse(p.get("barTime").asText()).plus(2 * p.get("horizonDays").asLong() + 4,
                        ChronoUnit.DAYS).isBefore(lastBar))
                .map(p -> p.get("id").asText()).toList();

        assertThat(due).isNotEmpty();
        assertThat(outcomes.keySet()).containsAll(due);
        for (String id : due) {
            JsonNode o = outcomes.get(id);
            if (o.get("status").asText().equals("RESOLVED")) {
                assertThat(Instant.parse(o.get("resolvedTime").asText())).as(id)
                        .isAfter(Instant.parse(o.get("predictionTime").asText()))
                        .isBefore(Instant.parse(o.get("predictionTime").asText()).plus(20, ChronoUnit.DAYS));
            }
        }
    }

    @Test
    void shouldWriteTheSameFilesTwiceApartFromTiming() throws IOException {
        assertThat(second.exitCode()).as(second.err()).isZero();
        for (String name : EXACT) {
            assertThat(WORK.resolve("b").resolve(name)).as(name).hasSameTextualContentAs(WORK.resolve("a").resolve(name));
        }
        assertThat(lines(WORK.resolve("a").resolve("pattern-library.jsonl"))).as("the keeper learnt from the outcomes")
                .anySatisfy(p -> assertThat(p.at("/stats/n").asLong()).isPositive());
        assertThat(deterministicSummary(WORK.resolve("b"))).isEqualTo(deterministicSummary(WORK.resolve("a")));
    }

    @Test
    void shouldLearnEveryResolvedOutcomeByTheEndOfTheReplay() throws IOException {
        Path out = WORK.resolve("a");
        Map<String, Long> matched = new TreeMap<>();
        for (JsonNode o : lines(out.resolve("outcomes.jsonl"))) {
            if (o.get("status").asText().equals("RESOLVED")) {
                o.get("matchedPatterns").forEach(m -> matched.merge(m.get("patternId").asText(), 1L, Long::sum));
            }
        }
        Map<String, Long> learnt = new TreeMap<>();
        for (JsonNode p : lines(out.resolve("pattern-library.jsonl"))) {
            if (p.has("id") && p.get("stats").isObject()) {
                learnt.merge(p.get("id").asText(), p.at("/stats/n").asLong(), Math::max);
            }
        }
        learnt.values().removeIf(n -> n == 0);

        assertThat(matched).as("resolved outcomes per matched pattern").isNotEmpty();
        assertThat(learnt).as("no outcome left waiting in the keeper: each pattern's n is its resolved matches")
                .isEqualTo(matched);
    }

    /** The summary without its timing block. */
    private static JsonNode deterministicSummary(Path out) throws IOException {
        ObjectNode s = (ObjectNode) JSON.readTree(out.resolve("summary.json").toFile());
        s.remove("timing");
        return s;
    }

    private static List<JsonNode> lines(Path file) throws IOException {
        return Files.readAllLines(file).stream().filter(l -> !l.isBlank()).map(l -> {
            try {
                return JSON.readTree(l);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }).toList();
    }
}
