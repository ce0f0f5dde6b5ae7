package io.edgeloop.resolver;

import io.edgeloop.core.config.AppConfig;
import io.edgeloop.core.config.ConfigException;
import org.apache.kafka.streams.StreamsConfig;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Properties;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ResolverOptionsTest {

    @Test
    void shouldBuildTheDefaultTopologySettingsFromTheDefaults() {
        AppConfig config = AppConfig.resolve(ResolverOptions.all(), new Properties(), Map.of(), List.of());

        assertThat(ResolverOptions.topologyConfig(config)).isEqualTo(ResolverConfig.defaults());
    }

    @Test
    void shouldTakeTheEnvironmentOverTheFileAndFlagsOverBoth() {
        Properties file = new Properties();
        file.setProperty("degrade.min.n", "20");
        file.setProperty("outcome.grace.days", "3");
        AppConfig config = AppConfig.resolve(ResolverOptions.all(), file,
                Map.of("APP_DEGRADE_MIN_N", "15", "KAFKA_BOOTSTRAP_SERVERS", "broker:9092"),
                List.of("degrade.min.n=12", "learning.prior.alpha=0.5"));

        ResolverConfig resolver = ResolverOptions.topologyConfig(config);

        assertThat(resolver.learning().degradeMinN()).isEqualTo(12);
        assertThat(resolver.learning().priorAlpha()).isEqualTo(0.5);
        assertThat(resolver.outcome().graceTradingDays()).isEqualTo(3);
        assertThat(KafkaSettings.streams(config.kafka()))
                .containsEntry(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "broker:9092")
                .containsEntry(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2);
    }

    @Test
    void shouldRefuseAnUnknownKafkaSettingAndAnOutOfRangeOption() {
        assertThatThrownBy(() -> KafkaSettings.streams(Map.of("bootstrap.servers", "b:9092", "comit.interval.ms", "5")))
                .isInstanceOf(ConfigException.class).hasMessageContaining("kafka.comit.interval.ms");
        assertThat(KafkaSettings.streams(Map.of("producer.linger.ms", "5", "topic.min.insync.replicas", "2")))
                .containsEntry("producer.linger.ms", "5");

        AppConfig config = AppConfig.resolve(ResolverOptions.all(), new Properties(), Map.of(),
                List.of("degrade.confidence=1.5"));
        assertThatThrownBy(() -> ResolverOptions.topologyConfig(config))
                .hasMessage("auto-degrade confidence must be in (0, 1), was 1.5");
        assertThatThrownBy(() -> AppConfig.resolve(ResolverOptions.all(), new Properties(), Map.of(),
                List.of("learning.idle.release=-PT1S")))
                .isInstanceOf(ConfigException.class).hasMessageContaining("learning.idle.release: not a duration");
    }

    @Test
    void shouldReadAConfigFileAndFlagsFromTheCommandLine() throws Exception {
        java.nio.file.Path file = java.nio.file.Files.createTempFile("resolver", ".properties");
        try {
            java.nio.file.Files.writeString(file, "http.port=0\nkafka.application.id=resolver-test\n");

            AppConfig config = ResolverApp.configure(new String[] {"--config=" + file, "--outcome.horizon.days=7"},
                    Map.of());

            assertThat(config.get(ResolverOptions.HTTP_PORT)).isZero();
            assertThat(config.get(ResolverOptions.HORIZON_DAYS)).isEqualTo(7);
            assertThat(config.kafka()).containsEntry("application.id", "resolver-test");
        } finally {
            java.nio.file.Files.delete(file);
        }
    }

    /** The README's configuration table names every option, as the other apps' READMEs do. */
    @Test
    void shouldDocumentEveryOptionByNameInTheReadme() throws Exception {
        String readme = Files.readString(Path.of("README.md"));

        List<String> undocumented = ResolverOptions.all().stream().map(o -> o.name())
                .filter(name -> !readme.contains("`" + name + "`"))
                .toList();

        assertThat(undocumented).as("ResolverOptions not documented in resolver-app/README.md").isEmpty();
    }
}
