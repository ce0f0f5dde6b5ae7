package io.edgeloop.schemas.topics;

import io.edgeloop.schemas.serde.AvroSerde;
import org.apache.avro.Schema;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.serialization.Serde;

import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * One topic of the public API: its name, how its keys and values are serialized, and how the
 * broker keeps it. Immutable; the instances live in {@link Topics}.
 *
 * @param name         topic name
 * @param keySerde     serde of the record key
 * @param valueSerde   serde of the record value
 * @param keyDoc       what the key is (e.g. "ticker")
 * @param description  what the topic carries and who writes and reads it
 * @param partitions   partition count; records with one key always land in one partition
 * @param cleanupPolicy delete (an event log) or compact (a table)
 * @param retention    how long a delete-policy topic keeps records; empty = forever (and always
 *                     empty for a compacted topic)
 * @param extraConfigs further topic-level configs (e.g. {@code min.compaction.lag.ms}); may not
 *                     set {@code cleanup.policy} or {@code retention.ms}
 * @param <K> key type
 * @param <V> value type
 */
public record Topic<K, V>(
        String name,
        Serde<K> keySerde,
        Serde<V> valueSerde,
        String keyDoc,
        String description,
        int partitions,
        CleanupPolicy cleanupPolicy,
        Optional<Duration> retention,
        Map<String, String> extraConfigs) {

    /** Kafka's legal topic names: ASCII letters, digits, '.', '_' and '-', at most 249 characters. */
    private static final Pattern LEGAL_NAME = Pattern.compile("[a-zA-Z0-9._-]{1,249}");
    private static final Set<String> OWN_CONFIGS = Set.of(
            TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.RETENTION_MS_CONFIG);

    public Topic {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(keySerde, "keySerde");
        Objects.requireNonNull(valueSerde, "valueSerde");
        Objects.requireNonNull(keyDoc, "keyDoc");
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(cleanupPolicy, "cleanupPolicy");
        Objects.requireNonNull(retention, "retention");
        if (!LEGAL_NAME.matcher(name).matches() || name.equals(".") || name.equals("..")) {
            throw new IllegalArgumentException("illegal topic name '" + name + "'");
        }
        if (partitions < 1) {
            throw new IllegalArgumentException(name + ": partitions must be >= 1, got " + partitions);
        }
        if (cleanupPolicy == CleanupPolicy.COMPACT && retention.isPresent()) {
            throw new IllegalArgumentException(name + ": a compacted topic keeps its latest records forever, "
                    + "retention must be empty");
        }
        retention.ifPresent(r -> {
            if (r.isNegative() || r.isZero()) {
                throw new IllegalArgumentException(name + ": retention must be positive, got " + r);
            }
        });
        for (String key : extraConfigs.keySet()) {
            if (OWN_CONFIGS.contains(key)) {
                throw new IllegalArgumentException(name + ": " + key + " is set by cleanupPolicy/retention, "
                        + "not by extraConfigs");
            }
        }
        extraConfigs = Map.copyOf(extraConfigs);
    }

    /** {@code retention.ms}: the retention in milliseconds, -1 for forever. */
    public long retentionMs() {
        return retention.map(Duration::toMillis).orElse(-1L);
    }

    /**
     * Every topic-level config to create the topic with: {@code cleanup.policy},
     * {@code retention.ms} and the extra configs, sorted by name.
     */
    public Map<String, String> configs() {
        Map<String, String> configs = new LinkedHashMap<>();
        configs.put(TopicConfig.CLEANUP_POLICY_CONFIG, cleanupPolicy.configValue());
        configs.put(TopicConfig.RETENTION_MS_CONFIG, Long.toString(retentionMs()));
        extraConfigs.entrySet().stream().sorted(Map.Entry.comparingByKey())
                .forEach(e -> configs.put(e.getKey(), e.getValue()));
        return Collections.unmodifiableMap(configs);
    }

    /** The Avro schema of the value, when the value serde is an {@link AvroSerde}. */
    public Optional<Schema> valueSchema() {
        return valueSerde instanceof AvroSerde<?> avro ? Optional.of(avro.schema()) : Optional.empty();
    }

    /** An admin request that creates this topic with its partitions and configs. */
    public NewTopic newTopic(short replicationFactor) {
        if (replicationFactor < 1) {
            throw new IllegalArgumentException(name + ": replication factor must be >= 1, got " + replicationFactor);
        }
        return new NewTopic(name, partitions, replicationFactor).configs(configs());
    }

    @Override
    public String toString() {
        return "Topic[" + name + "]";
    }
}
