package io.edgeloop.streams;

import io.edgeloop.core.config.AppConfig;
import io.edgeloop.core.config.ConfigException;
import org.apache.kafka.streams.StreamsConfig;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Properties;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class StreamsSettingsTest {

    private static AppConfig config(String... flags) {
        return AppConfig.resolve(StreamsOptions.all(), new Properties(), Map.of(), List.of(flags));
    }

    @Test
    void shouldPutTheKafkaSettingsOverTheAppsStreamsDefaults() {
        StreamsSettings settings = StreamsSettings.from(config("kafka.bootstrap.servers=broker:9092",
                "kafka.commit.interval.ms=250",
                "kafka.producer.linger.ms=5", "kafka.topic.min.insync.replicas=2"));

        assertThat(settings.streams())
                .containsEntry(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG, "250")
                .containsEntry("producer.linger.ms", "5")
                .containsEntry(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2);
    }

    @Test
    void shouldRefuseAKafkaSettingNoKafkaClientReads() {
        AppConfig typo = config("kafka.comit.interval.ms=250");

        assertThatThrownBy(() -> StreamsSettings.from(typo))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("unknown Kafka settings [kafka.comit.interval.ms]");
    }

    @Test
    void shouldWaitForThePartitionsTheBrokerReportsOverTheConfiguredCount() {
        StreamsSettings configured = StreamsSettings.from(config("kafka.bootstrap.servers=broker:9092",
                "signals.breadth.partitions=6"));

        assertThat(StreamsApp.withBrokersCandlePartitions(configured, 12).candlePartitions()).isEqualTo(12);
        assertThat(StreamsApp.withBrokersCandlePartitions(configured, 3).candlePartitions()).isEqualTo(3);
        assertThat(StreamsApp.withBrokersCandlePartitions(configured, 0).candlePartitions())
                .as("the broker's count unknown: the configured one").isEqualTo(6);
    }
}
