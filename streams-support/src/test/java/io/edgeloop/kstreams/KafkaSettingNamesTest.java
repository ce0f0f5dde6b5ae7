package io.edgeloop.kstreams;

import io.edgeloop.core.config.ConfigException;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class KafkaSettingNamesTest {

    @Test
    void shouldKnowStreamsAndClientSettingsBareOrBehindAClientPrefix() {
        assertThat(KafkaSettingNames.unknown(List.of("commit.interval.ms", "max.task.idle.ms", "linger.ms",
                "producer.linger.ms", "main.consumer.max.poll.records", "restore.consumer.fetch.max.wait.ms",
                "global.consumer.fetch.max.wait.ms", "consumer.fetch.min.bytes", "admin.retries",
                "topic.min.insync.replicas", "topic.anything.at.all"))).isEmpty();
    }

    @Test
    void shouldNameEveryUnknownKeyInOrder() {
        assertThat(KafkaSettingNames.unknown(List.of("comit.interval.ms", "linger.ms", "producer.lingr.ms")))
                .containsExactly("comit.interval.ms", "producer.lingr.ms");
    }

    @Test
    void shouldRefuseAnAppConfigurationWithAnUnknownKafkaSetting() {
        assertThatThrownBy(() -> KafkaSettingNames.requireKnown(List.of("bootstrap.servers", "comit.interval.ms")))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("unknown Kafka settings [kafka.comit.interval.ms]");
    }
}
