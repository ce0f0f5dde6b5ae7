package io.edgeloop.core.config;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class AppConfigTest {

    private static final Option<Integer> HORIZON = Option.integer("horizon.days", 5, "Prediction horizon in trading days.");
    private static final Option<Duration> GRACE = Option.duration("grace", Duration.ofDays(3), "Grace period.");
    private static final List<Option<?>> OPTIONS = List.of(HORIZON, GRACE);

    private static Properties file(String... kv) {
        Properties p = new Properties();
        for (int i = 0; i < kv.length; i += 2) {
            p.setProperty(kv[i], kv[i + 1]);
        }
        return p;
    }

    @Test
    void shouldUseDefaultsWhenNothingIsSet() {
        AppConfig config = AppConfig.resolve(OPTIONS, new Properties(), Map.of(), List.of());
        assertThat(config.get(HORIZON)).isEqualTo(5);
        assertThat(config.get(GRACE)).isEqualTo(Duration.ofDays(3));
        assertThat(config.kafka()).isEmpty();
    }

    @Test
    void shouldApplyDefaultsThenFileThenEnvironmentThenFlags() {
        Properties file = file("horizon.days", "7", "grace", "2d", "kafka.bootstrap.servers", "file:9092");
        Map<String, String> env = Map.of("APP_HORIZON_DAYS", "8", "KAFKA_BOOTSTRAP_SERVERS", "env:9092", "PATH", "/bin");

        AppConfig fileOnly = AppConfig.resolve(OPTIONS, file, Map.of(), List.of());
        assertThat(fileOnly.get(HORIZON)).isEqualTo(7);
        assertThat(fileOnly.kafka()).containsEntry("bootstrap.servers", "file:9092");

        AppConfig withEnv = AppConfig.resolve(OPTIONS, file, env, List.of());
        assertThat(withEnv.get(HORIZON)).isEqualTo(8);
        assertThat(withEnv.get(GRACE)).isEqualTo(Duration.ofDays(2));
        assertThat(withEnv.kafka()).containsEntry("bootstrap.servers", "env:9092");

        AppConfig withFlags = AppConfig.resolve(OPTIONS, file, env, List.of("horizon.days=9", "kafka.bootstrap.servers=flag:9092"));
        assertThat(withFlags.get(HORIZON)).isEqualTo(9);
        assertThat(withFlags.kafka()).containsEntry("bootstrap.servers", "flag:9092");
    }

    @Test
    void shouldMapKafkaEnvironmentVariablesToDottedProperties() {
        AppConfig config = AppConfig.resolve(OPTIONS, new Properties(),
                Map.of("KAFKA_PROCESSING_GUARANTEE", "exactly_once_v2"), List.of());
        assertThat(config.kafkaProperties().getProperty("processing.guarantee")).isEqualTo("exactly_once_v2");
    }

    @Test
    void shouldRejectUnknownOptionsInEveryLayer() {
        assertThatThrownBy(() -> AppConfig.resolve(OPTIONS, file("horizon.dayz", "3"), Map.of(), List.of()))
                .isInstanceOf(ConfigException.class).hasMessageContaining("unknown option 'horizon.dayz' in file");
        assertThatThrownBy(() -> AppConfig.resolve(OPTIONS, new Properties(), Map.of("APP_HORIZON", "3"), List.of()))
                .isInstanceOf(ConfigException.class).hasMessageContaining("unknown environment variable APP_HORIZON");
        assertThatThrownBy(() -> AppConfig.resolve(OPTIONS, new Properties(), Map.of(), List.of("nope=1")))
                .isInstanceOf(ConfigException.class).hasMessageContaining("unknown option 'nope' in flag");
    }

    @Test
    void shouldRejectConflictingFlagsAndBadValuesWithEveryProblemListed() {
        ConfigException e = org.junit.jupiter.api.Assertions.assertThrows(ConfigException.class, () ->
                AppConfig.resolve(OPTIONS, new Properties(), Map.of(),
                        List.of("horizon.days=3", "horizon.days=4", "grace=soon", "novalue")));
        assertThat(e.problems()).hasSize(3);
        assertThat(e.getMessage())
                .contains("conflicting flags for horizon.days")
                .contains("grace: not a duration")
                .contains("flag 'novalue' is not key=value");
        assertThatThrownBy(() -> AppConfig.resolve(OPTIONS, new Properties(), Map.of("APP_HORIZON_DAYS", "five"), List.of()))
                .isInstanceOf(ConfigException.class).hasMessageContaining("horizon.days: not an integer: 'five'");
    }

    @Test
    void shouldParseDurationsInEveryDocumentedForm() {
        assertThat(Option.parseDuration("PT5M")).isEqualTo(Duration.ofMinutes(5));
        assertThat(Option.parseDuration("500ms")).isEqualTo(Duration.ofMillis(500));
        assertThat(Option.parseDuration("30s")).isEqualTo(Duration.ofSeconds(30));
        assertThat(Option.parseDuration("2h")).isEqualTo(Duration.ofHours(2));
        assertThat(Option.parseDuration("7d")).isEqualTo(Duration.ofDays(7));
    }

    @Test
    void shouldNameEnvironmentVariablesFromOptionNames() {
        assertThat(HORIZON.envName()).isEqualTo("APP_HORIZON_DAYS");
    }
}
