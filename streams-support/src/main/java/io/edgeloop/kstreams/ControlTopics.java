package io.edgeloop.kstreams;

import io.edgeloop.schemas.topics.Topic;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.errors.TopicExistsException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * A control topic an app reads beside a data topic it must be co-partitioned with
 * ({@code streams.control} beside {@code candles}, {@code resolver.control} beside
 * {@code predictions}): created at the app's start when it is missing. The catalog creates it in
 * the stack and the deployments; this covers a cluster set up without it, or before it existed,
 * where Kafka Streams would otherwise stop on the missing source topic. An existing topic is only
 * checked: with fewer partitions than its data topic, the tasks of the other partitions would
 * never see a control record.
 */
public final class ControlTopics {

    private static final Logger LOG = LoggerFactory.getLogger(ControlTopics.class);
    private static final Duration ADMIN_TIMEOUT = Duration.ofSeconds(30);

    private ControlTopics() {
    }

    /**
     * Checks {@code control} against {@code partner} and creates it, with the partner's partitions
     * and the catalog's settings, when it is missing and {@code create}.
     *
     * @param adminProps admin client settings (servers, security)
     * @return the partitions of {@code partner}; 0 when they cannot be read and nothing is to be
     *         created (the caller decides what that means)
     * @throws IllegalStateException when {@code create} and the topic can be neither read nor created
     */
    public static int ensure(Map<String, Object> adminProps, Topic<?, ?> control, String partner, boolean create) {
        String name = control.name();
        try (Admin admin = Admin.create(adminProps)) {
            Set<String> names = admin.listTopics().names().get(ADMIN_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
            List<String> wanted = names.contains(name) ? List.of(partner, name) : List.of(partner);
            Map<String, TopicDescription> found = admin.describeTopics(wanted).allTopicNames()
                    .get(ADMIN_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
            int partitions = found.get(partner).partitions().size();
            if (found.containsKey(name)) {
                int has = found.get(name).partitions().size();
                if (has != partitions) {
                    LOG.warn("{} has {} partitions but {} has {}: control records reach only {} of its tasks",
                            name, has, partner, partitions, Math.min(has, partitions));
                }
                return partitions;
            }
            if (!create) {
                LOG.warn("{} is missing and is not to be created", name);
                return partitions;
            }
            try {
                admin.createTopics(List.of(new NewTopic(name, Optional.of(partitions), Optional.empty())
                        .configs(control.configs()))).all().get(ADMIN_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
                LOG.info("created {} with {} partitions, as {}", name, partitions, partner);
            } catch (ExecutionException e) {
                if (!(e.getCause() instanceof TopicExistsException)) {
                    throw e;
                }
            }
            return partitions;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while checking " + name, e);
        } catch (ExecutionException | TimeoutException e) {
            Throwable cause = e instanceof ExecutionException ? e.getCause() : e;
            if (!create) {
                LOG.warn("cannot read the partitions of {}: {}", partner, cause.toString());
                return 0;
            }
            throw new IllegalStateException("cannot create " + name + " (does " + partner + " exist?): " + cause, cause);
        }
    }
}
