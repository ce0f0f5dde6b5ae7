package io.edgeloop.resolver;

import io.edgeloop.kstreams.KafkaSettingNames;

import java.util.Map;
import java.util.TreeMap;

/**
 * The Kafka Streams properties of the app: {@link StreamsDefaults} below the configuration's
 * {@code kafka.*} settings. A {@code kafka.*} key that no Kafka client knows is an error (core's
 * configuration passes them through unchecked), so a typo fails the start instead of being
 * ignored with a warning; {@code topic.*} settings go to the internal topics unchecked.
 */
final class KafkaSettings {

    private KafkaSettings() {
    }

    static Map<String, Object> streams(Map<String, String> kafka) {
        KafkaSettingNames.requireKnown(kafka.keySet());
        Map<String, Object> props = new TreeMap<>(StreamsDefaults.all());
        props.putAll(kafka);
        return props;
    }
}
