package io.edgeloop.resolver;

import io.edgeloop.core.config.AppConfig;
import io.edgeloop.testsupport.Await;
import io.edgeloop.testsupport.ChildJvm;
import io.edgeloop.testsupport.KafkaTestContext;
import org.apache.kafka.streams.KafkaStreams;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;

/** Starting the real resolver app against the test broker, and reading its committed output. */
final class RunningResolver {

    static final Duration TIMEOUT = Duration.ofSeconds(120);

    private RunningResolver() {
    }

    /** Starts the app with its own application id and state directory, and waits until it runs. */
    static ResolverApp.Handle start(KafkaTestContext kafka, String appId, Path stateDir) throws IOException {
        AppConfig config = AppConfig.resolve(ResolverOptions.all(), new Properties(), Map.of(),
                flags(kafka, appId, stateDir, List.of()));
        ResolverApp.Handle handle = ResolverApp.start(config);
        Await.until(() -> handle.streams().state() == KafkaStreams.State.RUNNING, TIMEOUT,
                () -> "resolver " + appId + " did not reach RUNNING, state " + handle.streams().state());
        return handle;
    }

    /**
     * Starts the app as {@link #start} does, but in a child JVM as it is deployed
     * ({@link ResolverApp#main} with {@code key=value} flags), with {@code more} flags after the
     * same ones (replacing those of the same key); its log goes to {@code log}. The caller ends the process.
     */
    static Process startChild(KafkaTestContext kafka, String appId, Path stateDir, List<String> more, Path log)
            throws IOException {
        return ChildJvm.start(ResolverApp.class, flags(kafka, appId, stateDir, more), log);
    }

    private static List<String> flags(KafkaTestContext kafka, String appId, Path stateDir, List<String> more) {
        Map<String, String> flags = new LinkedHashMap<>();
        for (String flag : List.of("kafka.bootstrap.servers=" + kafka.bootstrapServers(), "kafka.application.id=" + appId,
                "kafka.commit.interval.ms=100", "state.dir=" + stateDir, "http.port=0")) {
            flags.put(flag.substring(0, flag.indexOf('=')), flag);
        }
        for (String flag : more) {
            flags.put(flag.substring(0, flag.indexOf('=')), flag);
        }
        return List.copyOf(flags.values());
    }

    /**
     * A condition on the app's queries, false while its stores are not queryable (starting,
     * restoring, rebalancing).
     */
    static boolean when(java.util.function.BooleanSupplier condition) {
        try {
            return condition.getAsBoolean();
        } catch (org.apache.kafka.streams.errors.InvalidStateStoreException e) {
            return false;
        }
    }
}
