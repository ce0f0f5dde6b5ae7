package io.edgeloop.connectors;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.kafka.common.config.Config;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.common.config.ConfigValue;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CandleSourceConfigTest {

    @TempDir
    Path dir;

    private Map<String, String> props(String... keyValues) {
        Map<String, String> p = new HashMap<>();
        p.put("name", "candles-test");
        p.put(CandleSourceConfig.PATHS, dir.toString());
        for (int i = 0; i < keyValues.length; i += 2) {
            p.put(keyValues[i], keyValues[i + 1]);
        }
        return p;
    }

    @Test
    void shouldDocumentEveryOptionOfEveryConnector() {
        Stream.of(CandleSourceConfig.TASK_CONFIG_DEF, TickerReferenceConfig.CONFIG_DEF)
                .flatMap(def -> def.configKeys().values().stream())
                .forEach(key -> assertThat(key.documentation).as("doc of %s", key.name).isNotBlank());
    }

    @Test
    void shouldListEveryUserOptionInTheModuleReadme() throws IOException {
        String readme = java.nio.file.Files.readString(Path.of(System.getProperty("user.dir"), "README.md"));

        Stream.of(CandleSourceConfig.CONFIG_DEF, TickerReferenceConfig.CONFIG_DEF)
                .flatMap(def -> def.names().stream())
                .forEach(key -> assertThat(readme).as("README documents %s", key).contains("`" + key + "`"));
    }

    @Test
    void shouldReadTheDefaults() {
        CandleSourceConfig config = new CandleSourceConfig(props());

        assertThat(config.topic()).isEqualTo("candles");
        assertThat(config.dlqTopic()).isEqualTo("candles.dlq");
        assertThat(config.paths()).containsExactly(dir);
        assertThat(config.tickers()).isEmpty();
        assertThat(config.pacer().mode()).isEqualTo(PacingMode.NONE);
        assertThat(config.connectorName()).isEqualTo("candles-test");
    }

    @Test
    void shouldNormaliseTheTickerAndIntervalFilters() {
        CandleSourceConfig config = new CandleSourceConfig(props(CandleSourceConfig.TICKERS, "btcusd, brk.b",
                CandleSourceConfig.INTERVALS, "60,1D"));

        assertThat(config.tickers()).containsExactly("BRK-B", "BTC-USD");
        assertThat(config.intervals()).extracting(t -> t.code()).containsExactly("1h", "D");
    }

    @Test
    void shouldRejectAMissingDirectoryNamingIt() {
        Path missing = dir.resolve("no-such-dir");

        assertThatThrownBy(() -> new CandleSourceConfig(props(CandleSourceConfig.PATHS, missing.toString())))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("paths")
                .hasMessageContaining("'" + missing + "' does not exist");
    }

    @Test
    void shouldRequireAtLeastOnePath() {
        assertThatThrownBy(() -> new CandleSourceConfig(Map.of("name", "x")))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("paths");
    }

    @Test
    void shouldReadTheDateRangeAndRefuseABadOne() {
        assertThat(new CandleSourceConfig(props()).dates()).isEqualTo(OpenDateRange.ALL);
        assertThat(new CandleSourceConfig(props(CandleSourceConfig.FROM, "2024-01-02", CandleSourceConfig.TO,
                "2024-03-31")).dates()).isEqualTo(new OpenDateRange(LocalDate.of(2024, 1, 2), LocalDate.of(2024, 3, 31)));

        assertThatThrownBy(() -> new CandleSourceConfig(props(CandleSourceConfig.FROM, "2024-13-01")))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("from")
                .hasMessageContaining("yyyy-MM-dd");
        assertThatThrownBy(() -> new CandleSourceConfig(props(CandleSourceConfig.FROM, "2024-03-01",
                CandleSourceConfig.TO, "2024-02-01")))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("to")
                .hasMessageContaining("is before from 2024-03-01");
    }

    @Test
    void shouldRejectAnUnknownPacingModeListingTheModes() {
        assertThatThrownBy(() -> new CandleSourceConfig(props(CandleSourceConfig.PACING_MODE, "turbo")))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("pacing.mode")
                .hasMessageContaining("none, bars-per-second, realtime-factor");
    }

    @Test
    void shouldRequireTheRateOfBarsPerSecondPacing() {
        assertThatThrownBy(() -> new CandleSourceConfig(props(CandleSourceConfig.PACING_MODE, "bars-per-second")))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("pacing.mode=bars-per-second needs pacing.bars.per.second");
    }

    @Test
    void shouldRejectARateThatThePacingModeDoesNotUse() {
        assertThatThrownBy(() -> new CandleSourceConfig(props(CandleSourceConfig.PACING_BARS_PER_SECOND, "50")))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("pacing.bars.per.second")
                .hasMessageContaining("pacing.mode is 'none'");
    }

    @Test
    void shouldRejectANonPositiveRate() {
        assertThatThrownBy(() -> new CandleSourceConfig(props(CandleSourceConfig.PACING_MODE, "realtime-factor",
                CandleSourceConfig.PACING_REALTIME_FACTOR, "0")))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("pacing.realtime.factor")
                .hasMessageContaining("must be a positive number");
    }

    @Test
    void shouldRejectAnUnknownInterval() {
        assertThatThrownBy(() -> new CandleSourceConfig(props(CandleSourceConfig.INTERVALS, "D,3h")))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("unknown interval '3h'");
    }

    @Test
    void shouldReportThePacingConflictOnItsOptionWhenTheConnectorValidates() {
        Config result = new CandleFileSourceConnector().validate(props(CandleSourceConfig.PACING_MODE, "realtime-factor"));

        ConfigValue factor = result.configValues().stream()
                .filter(v -> v.name().equals(CandleSourceConfig.PACING_REALTIME_FACTOR)).findFirst().orElseThrow();
        assertThat(factor.errorMessages()).singleElement().asString()
                .contains("pacing.mode=realtime-factor needs pacing.realtime.factor");
    }

    @Test
    void shouldReportToBeforeFromOnItsOptionWhenTheConnectorValidatesAsStartDoes() {
        Map<String, String> props = props(CandleSourceConfig.FROM, "2025-02-01", CandleSourceConfig.TO, "2025-01-01");

        Config result = new CandleFileSourceConnector().validate(props);

        assertThat(errors(result)).containsExactly(Map.entry(CandleSourceConfig.TO, "to: is before from 2025-02-01"));
        assertThatThrownBy(() -> new CandleFileSourceConnector().start(props))
                .isInstanceOf(ConfigException.class)
                .hasMessage("Invalid value 2025-01-01 for configuration to: is before from 2025-02-01");
    }

    /** A trailing or doubled comma would add an empty path, which is the worker's working directory. */
    @Test
    void shouldRejectAnEmptyElementInPaths() {
        for (String paths : List.of(dir + ",", dir + ",," + dir, "," + dir)) {
            Map<String, String> props = props(CandleSourceConfig.PATHS, paths);

            assertThat(errors(new CandleFileSourceConnector().validate(props))).as(paths).singleElement()
                    .satisfies(e -> assertThat(e.getKey()).isEqualTo(CandleSourceConfig.PATHS))
                    .satisfies(e -> assertThat(e.getValue()).contains("has an empty element (a comma too many?)"));
            assertThatThrownBy(() -> new CandleSourceConfig(props))
                    .isInstanceOf(ConfigException.class)
                    .hasMessageContaining("for configuration paths: has an empty element");
        }
        assertThatThrownBy(() -> new TickerReferenceConfig(Map.of(TickerReferenceConfig.SECTORS_FILE,
                TestData.dir().resolve("sectors.json").toString(), TickerReferenceConfig.PATHS, dir + ",")))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("has an empty element");
    }

    private static List<Map.Entry<String, String>> errors(Config config) {
        return config.configValues().stream()
                .flatMap(v -> v.errorMessages().stream().map(m -> Map.entry(v.name(), m)))
                .toList();
    }

    @Test
    void shouldShipConnectorJsonConfigsThatUseOnlyDeclaredOptions() throws IOException {
        checkShippedConfig("candle-files.json", CandleSourceConfig.CONFIG_DEF);
        checkShippedConfig("reference-tickers.json", TickerReferenceConfig.CONFIG_DEF);
    }

    private static void checkShippedConfig(String file, ConfigDef def) throws IOException {
        Path config = Path.of(System.getProperty("user.dir"), "config", file);
        JsonNode json = new ObjectMapper().readTree(config.toFile());
        Set<String> connectKeys = Set.of("connector.class", "tasks.max", "key.converter", "value.converter");
        List<String> keys = json.get("config").properties().stream().map(Map.Entry::getKey).toList();

        assertThat(json.get("name").asText()).isNotBlank();
        assertThat(keys).allSatisfy(k -> assertThat(connectKeys.contains(k) || def.names().contains(k))
                .as("%s declares %s", file, k).isTrue());
        assertThat(json.get("config").get("value.converter").asText())
                .isEqualTo("org.apache.kafka.connect.converters.ByteArrayConverter");
    }
}
