package io.edgeloop.stack.loop;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ListOffsetsResult;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;

/**
 * Offsets the loop measures "done" by: end offsets of topics and the lag of a consumer group
 * (end offset minus committed offset, summed over the topics' partitions; a partition the
 * group never committed counts from 0). Kafka Streams under exactly-once commits its offsets in
 * the transaction of its outputs, so lag 0 on every input means every input record is processed
 * and its outputs are committed.
 */
final class Offsets implements AutoCloseable {

    private static final long TIMEOUT_MS = 30_000;

    private final Admin admin;

    Offsets(String bootstrapServers) {
        this.admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                AdminClientConfig.CLIENT_ID_CONFIG, "edgeloop-loop-offsets"));
    }

    /** Every partition of the topics that exist (a topic not created yet is left out). */
    List<TopicPartition> partitions(Collection<String> topics) {
        Set<String> existing = get(admin.listTopics().names());
        List<String> present = topics.stream().filter(existing::contains).toList();
        Map<String, TopicDescription> described = get(admin.describeTopics(present).allTopicNames());
        List<TopicPartition> out = new ArrayList<>();
        described.values().forEach(d -> d.partitions().forEach(p -> out.add(new TopicPartition(d.name(), p.partition()))));
        return out;
    }

    /** Latest (end) offsets. */
    Map<TopicPartition, Long> ends(Collection<TopicPartition> partitions) {
        Map<TopicPartition, OffsetSpec> spec = new HashMap<>();
        partitions.forEach(tp -> spec.put(tp, OffsetSpec.latest()));
        Map<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo> found = get(admin.listOffsets(spec).all());
        Map<TopicPartition, Long> out = new HashMap<>();
        found.forEach((tp, info) -> out.put(tp, info.offset()));
        return out;
    }

    /** Records of the topics not yet committed by the group. */
    long lag(String group, Collection<String> topics) {
        Map<TopicPartition, OffsetAndMetadata> committed = get(admin.listConsumerGroupOffsets(group)
                .partitionsToOffsetAndMetadata());
        long lag = 0;
        for (Map.Entry<TopicPartition, Long> e : ends(partitions(topics)).entrySet()) {
            OffsetAndMetadata done = committed.get(e.getKey());
            lag += Math.max(0, e.getValue() - (done == null ? 0 : done.offset()));
        }
        return lag;
    }

    /** Whether the group has no member (a closed Streams client may hold its membership until its session times out). */
    boolean groupEmpty(String group) {
        var description = get(admin.describeConsumerGroups(List.of(group)).all()).get(group);
        return description == null || description.members().isEmpty();
    }

    private static <T> T get(org.apache.kafka.common.KafkaFuture<T> future) {
        try {
            return future.get(TIMEOUT_MS, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while asking the broker for offsets", e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("cannot read offsets from the broker: " + e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        admin.close();
    }
}
