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

import io.edgeloop.embedded.Directories;
import io.edgeloop.stack.loop.TopicFile;

/**
 * A small replay end to end on the embedded stack, twice: two sector ETFs' daily bars over three
 * years (etf-daily and universe-daily files chained), the retrospective on, from a market data
 * folder of those real files plus one file of XLF with a refused row inside the date range (it
 * must reach {@code candles.dlq}, the same in both runs).
 */
class ReplayIT {

    private static final String MARKET_DATA = System.getProperty("edgeloop.data.dir", "../../shared/data");
    private static final ObjectMapper JSON = new ObjectMapper();
    /** Files whose every line must be the same in two replays (wall-clock fields are left out of the files). */
    private static final List<String> EXACT = List.of("scores.jsonl", "predictions.jsonl", "trades.jsonl",
            "outcomes.jsonl", "signals.jsonl", "candles.dlq.jsonl", "pattern-library.jsonl", "model-changelog.jsonl");

    private static final Path WORK = Path.of("target", "it-replay", UUID.randomUUID().toString());
    private static final String REFUSED_ROW = "2020-03-02,30,27,28,29,1000";
    private static Cli first;
    private static Cli second;

    @BeforeAll
    static void replayTwice() throws IOException {
        Path data = WORK.resolve("data");
        Files.createDirectories(data);
        Files.copy(Path.of(MARKET_DATA, "sectors.json"), data.resolve("sectors.json"));
        for (String file : List.of("etf-daily/YahooFinance-XLK-PT1D-20190102_20260710.json",
                "etf-daily/YahooFinance-XLF-PT1D-20190102_20260710.json", "universe-daily/XLK-D.json",
                "universe-daily/XLF-D.json")) {
            Files.createDirectories(data.resolve(file).getParent());
            Files.copy(Path.of(MARKET_DATA, file), data.resolve(file));
        }
        Files.createDirectories(data.resolve("extra"));
        Files.writeString(data.resolve("extra").resolve("XLF-D.csv"), "ts,open,high,low,close,volume\n" + REFUSED_ROW + "\n");
        first = replay("a", data);
        second = replay("b", data);
    }

    @AfterAll
    static void deleteWork() {
        Directories.deleteRecursively(WORK);
    }

    private static Cli replay(String name, Path data) {
        return Cli.run("replay", "--data", data.toString(), "--out", WORK.resolve(name).toString(),
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
    void shouldDeadLetterTheRefusedRowInsideTheDateRange() throws IOException {
        assertThat(lines(WORK.resolve("a").resolve("candles.dlq.jsonl"))).singleElement().satisfies(letter -> {
            assertThat(new String(java.util.Base64.getDecoder().decode(letter.get("value").asText()),
                    java.nio.charset.StandardCharsets.UTF_8)).as("the raw row, base64 as the bytes field is written")
                    .isEqualTo(REFUSED_ROW);
            assertThat(letter.get("reason").asText()).contains("high 27.0 is below low 28.0");
        });
    }

    @Test
    void shouldRefuseASelectionWithoutBarsWithItsReason() {
        // XLK has files, none with a bar in that range (a ticker without files is a usage error before the run)
        Cli none = Cli.run("replay", "--data", WORK.resolve("data").toString(), "--out", WORK.resolve("none").toString(),
                "--run-dir", WORK.resolve("run-none").toString(), "--tickers", "XLK", "--from", "2100-01-01",
                "--no-retro");

        assertThat(none.exitCode()).isEqualTo(1);
        assertThat(none.err()).contains("no bars of [XLK] between 2100-01-01 and the end in");
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
