package io.edgeloop.stack.loop;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

class ReplaySummaryTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final LoopRun RUN = new LoopRun(1_010, 10, 1_000, 3, 5_000, 1_000, 2_000, 4_000, 1_500, 12_000);

    @TempDir
    Path out;

    @BeforeEach
    void files() throws Exception {
        for (TopicFile f : TopicFile.OUTPUTS) {
            Files.writeString(out.resolve(f.fileName()), "");
        }
        Files.writeString(out.resolve("predictions.jsonl"), String.join("\n",
                "{\"id\":\"A-D-1-STAGE_ENTER\",\"trigger\":\"STAGE_ENTER\"}",
                "{\"id\":\"A-D-2-STAGE_ENTER\",\"trigger\":\"STAGE_ENTER\"}",
                "{\"id\":\"A-D-3-STATE_FLIP_BULL\",\"trigger\":\"STATE_FLIP_BULL\"}",
                "{\"id\":\"A-D-4-STATE_FLIP_BULL\",\"trigger\":\"STATE_FLIP_BULL\"}",
                "{\"id\":\"A-D-5-STATE_FLIP_BULL\",\"trigger\":\"STATE_FLIP_BULL\"}") + "\n");
        Files.writeString(out.resolve("outcomes.jsonl"), String.join("\n",
                "{\"predictionId\":\"A-D-1-STAGE_ENTER\",\"status\":\"RESOLVED\",\"hit\":true}",
                "{\"predictionId\":\"A-D-2-STAGE_ENTER\",\"status\":\"RESOLVED\",\"hit\":false}",
                "{\"predictionId\":\"A-D-3-STATE_FLIP_BULL\",\"status\":\"RESOLVED\",\"hit\":true}",
                "{\"predictionId\":\"A-D-4-STATE_FLIP_BULL\",\"status\":\"EXPIRED\",\"hit\":null}") + "\n");
    }

    @Test
    void shouldCountEveryFileAndSplitHitRatesByTrigger() throws Exception {
        LoopSettings settings = new LoopSettings(out, out.resolve("run"), 0, List.of("A"), LocalDate.of(2020, 1, 1), null,
                true, false, 0, LoopSettings.DEFAULT_TIMEOUT);

        JsonNode s = JSON.valueToTree(ReplaySummary.of(out, settings, RUN));

        assertThat(s.at("/counts/predictions").asLong()).isEqualTo(5);
        assertThat(s.at("/counts/outcomes").asLong()).isEqualTo(4);
        assertThat(s.at("/counts/scores").asLong()).isZero();
        assertThat(s.at("/predictionsByTrigger/STATE_FLIP_BULL").asLong()).isEqualTo(3);
        assertThat(s.at("/outcomesByStatus/EXPIRED").asLong()).isEqualTo(1);
        assertThat(s.at("/predictionsWithoutOutcome").asLong()).isEqualTo(1);
        assertThat(s.at("/hitRate/overall/n").asLong()).isEqualTo(3);
        assertThat(s.at("/hitRate/overall/hits").asLong()).isEqualTo(2);
        assertThat(s.at("/hitRate/byTrigger/STAGE_ENTER/rate").asDouble()).isEqualTo(0.5);
        assertThat(s.at("/hitRate/byTrigger/STATE_FLIP_BULL/n").asLong()).isEqualTo(1);
        assertThat(s.at("/input/from").asText()).isEqualTo("2020-01-01");
        assertThat(s.at("/input/to").isNull()).isTrue();
        assertThat(s.at("/retroRuns").asInt()).isEqualTo(3);
    }

    @Test
    void shouldGiveTheWilsonIntervalOfTheHitRate() throws Exception {
        LoopSettings settings = new LoopSettings(out, out.resolve("run"), 0, List.of(), null, null, false, false, 0,
                LoopSettings.DEFAULT_TIMEOUT);

        JsonNode overall = JSON.valueToTree(ReplaySummary.of(out, settings, RUN)).at("/hitRate/overall");

        // Wilson 95% for 2 of 3: centre (p + z^2/2n) / (1 + z^2/n), z = 1.959964
        double z = 1.959964;
        double n = 3;
        double p = 2.0 / 3;
        double centre = (p + z * z / (2 * n)) / (1 + z * z / n);
        double half = z / (1 + z * z / n) * Math.sqrt(p * (1 - p) / n + z * z / (4 * n * n));
        assertThat(overall.get("lower").asDouble()).isCloseTo(centre - half, within(1e-4));
        assertThat(overall.get("upper").asDouble()).isCloseTo(centre + half, within(1e-4));
    }

    @Test
    void shouldKeepWallClockFiguresInTheTimingBlockOnly() throws Exception {
        LoopSettings settings = new LoopSettings(out, out.resolve("run"), 0, List.of(), null, null, true, false, 0,
                LoopSettings.DEFAULT_TIMEOUT);

        JsonNode s = JSON.valueToTree(ReplaySummary.of(out, settings, RUN));

        assertThat(s.at("/timing/candlesPerSecond").asLong()).isEqualTo(250);
        assertThat(s.at("/timing/candlesPerSecondWall").asLong()).isEqualTo(83);
        assertThat(s.at("/timing/totalMillis").asLong()).isEqualTo(12_000);
        List<String> top = new java.util.ArrayList<>();
        s.fieldNames().forEachRemaining(top::add);
        assertThat(String.join(",", top)).doesNotContainIgnoringCase("millis").doesNotContain("PerSecond");
    }
}
