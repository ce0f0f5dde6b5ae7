package io.edgeloop.embedded;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.KafkaFuture;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;

import io.edgeloop.schemas.topics.Topic;

/**
 * Creates catalog topics that are missing and verifies those that exist: same partition count and
 * the same value for every config the catalog sets. A mismatch is an error that names the topic,
 * the setting, both values, and the way out; existing topics are never altered.
 */
final class CatalogTopics {

    private static final short REPLICATION_FACTOR = 1;

    private final Admin admin;
    private final Duration timeout;

    CatalogTopics(Admin admin, Duration timeout) {
        this.admin = admin;
        this.timeout = timeout;
    }

    TopicSetup apply(Collection<? extends Topic<?, ?>> topics, String whereToReset) {
        Map<String, Topic<?, ?>> byName = distinct(topics);
        Set<String> present = get(admin.listTopics().names());
        List<String> created = new ArrayList<>();
        List<String> existing = new ArrayList<>();
        Map<String, KafkaFuture<Void>> creations = new LinkedHashMap<>();
        List<NewTopic> missing = byName.values().stream()
                .filter(t -> !present.contains(t.name()))
                .map(t -> new NewTopic(t.name(), t.partitions(), REPLICATION_FACTOR).configs(t.configs()))
                .toList();
        if (!missing.isEmpty()) {
            creations.putAll(admin.createTopics(missing).values());
        }
        for (Topic<?, ?> topic : byName.values()) {
            KafkaFuture<Void> creation = creations.get(topic.name());
            if (creation != null && createdNow(creation)) {
                created.add(topic.name());
            } else {
                existing.add(topic.name());
            }
        }
        verify(byName, existing, whereToReset);
        awaitLeaders(created);
        return new TopicSetup(created, existing);
    }

    /**
     * The controller acknowledges a creation before the broker has taken the partitions' lead;
     * waits until the broker's metadata shows a leader for each, so the first produce succeeds.
     */
    private void awaitLeaders(List<String> names) {
        if (names.isEmpty()) {
            return;
        }
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            List<String> leaderless = leaderless(names);
            if (leaderless.isEmpty()) {
                return;
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("topics without a partition leader after " + timeout + ": " + leaderless);
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for partition leaders", e);
            }
        }
    }

    /**
     * The topics whose partitions have no leader yet; all of them while the broker's metadata
     * does not know the new topics yet (it answers "does not host this topic-partition").
     */
    private List<String> leaderless(List<String> names) {
        try {
            return get(admin.describeTopics(names).allTopicNames()).values().stream()
                    .filter(d -> d.partitions().stream().anyMatch(p -> p.leader() == null || p.leader().isEmpty()))
                    .map(TopicDescription::name)
                    .toList();
        } catch (IllegalStateException e) {
            if (e.getCause() instanceof UnknownTopicOrPartitionException) {
                return names;
            }
            throw e;
        }
    }

    private boolean createdNow(KafkaFuture<Void> creation) {
        try {
            creation.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            return true;
        } catch (ExecutionException e) {
            if (e.getCause() instanceof TopicExistsException) {
                return false;
            }
            throw new IllegalStateException("creating a topic failed: " + e.getCause().getMessage(), e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while creating topics", e);
        } catch (TimeoutException e) {
            throw new IllegalStateException("creating a topic took longer than " + timeout, e);
        }
    }

    private void verify(Map<String, Topic<?, ?>> byName, List<String> names, String whereToReset) {
        if (names.isEmpty()) {
            return;
        }
        Map<String, TopicDescription> descriptions = get(admin.describeTopics(names).allTopicNames());
        List<ConfigResource> resources = names.stream()
                .map(n -> new ConfigResource(ConfigResource.Type.TOPIC, n)).toList();
        Map<ConfigResource, Config> configs = get(admin.describeConfigs(resources).all());
        List<String> problems = new ArrayList<>();
        for (String name : names) {
            Topic<?, ?> topic = byName.get(name);
            int actual = descriptions.get(name).partitions().size();
            if (actual != topic.partitions()) {
                problems.add(name + ": " + actual + " partitions, catalog says " + topic.partitions());
            }
            Config config = configs.get(new ConfigResource(ConfigResource.Type.TOPIC, name));
            topic.configs().forEach((key, expected) -> {
                ConfigEntry entry = config.get(key);
                String value = entry == null ? null : entry.value();
                if (!expected.equals(value)) {
                    problems.add(name + ": " + key + "=" + value + ", catalog says " + expected);
                }
            });
        }
        if (!problems.isEmpty()) {
            throw new IllegalStateException("existing topics differ from the catalog (" + String.join("; ", problems)
                    + "). Existing topics are never altered; " + whereToReset);
        }
    }

    private static Map<String, Topic<?, ?>> distinct(Collection<? extends Topic<?, ?>> topics) {
        Map<String, Topic<?, ?>> byName = new LinkedHashMap<>();
        for (Topic<?, ?> topic : topics) {
            Topic<?, ?> previous = byName.putIfAbsent(topic.name(), topic);
            if (previous != null && (previous.partitions() != topic.partitions()
                    || !previous.configs().equals(topic.configs()))) {
                throw new IllegalArgumentException("topic " + topic.name() + " is listed twice with different settings");
            }
        }
        return byName;
    }

    private <T> T get(KafkaFuture<T> future) {
        try {
            return future.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            throw new IllegalStateException("admin request failed: " + e.getCause().getMessage(), e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted during an admin request", e);
        } catch (TimeoutException e) {
            throw new IllegalStateException("admin request took longer than " + timeout, e);
        }
    }
}
