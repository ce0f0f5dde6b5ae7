package io.edgeloop.streams;

import org.apache.kafka.streams.LagInfo;

import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;

/**
 * The local stores' changelog lag for {@code /health}, waited for at most a bound. Kafka Streams
 * asks the brokers for the changelogs' end offsets and blocks until they answer (up to its API
 * timeout, a minute); a health probe must answer in seconds whether the brokers do or not, or an
 * orchestrator kills a live instance during a broker outage. One lookup runs at a time: probes
 * that come while it is still waiting share it instead of piling up threads.
 */
final class StoreLags {

    private final Supplier<Map<String, Map<Integer, LagInfo>>> lookup;
    private final Duration wait;
    private final Executor executor;
    private CompletableFuture<Map<String, Map<String, Long>>> inFlight;

    /**
     * @param lookup   the lags by store and partition, as {@code KafkaStreams.allLocalStorePartitionLags}
     * @param wait     how long a probe waits for them
     * @param executor where the lookup runs (a probe must not block on it)
     */
    StoreLags(Supplier<Map<String, Map<Integer, LagInfo>>> lookup, Duration wait, Executor executor) {
        this.lookup = lookup;
        this.wait = wait;
        this.executor = executor;
    }

    /** The offset lag by store and partition, or why it is not known now. */
    record Reading(Map<String, Map<String, Long>> lags, String unknownBecause) {
    }

    Reading get() {
        CompletableFuture<Map<String, Map<String, Long>>> lags;
        synchronized (this) {
            if (inFlight == null || inFlight.isDone()) {
                inFlight = CompletableFuture.supplyAsync(this::offsetLags, executor);
            }
            lags = inFlight;
        }
        try {
            return new Reading(lags.get(wait.toMillis(), TimeUnit.MILLISECONDS), null);
        } catch (TimeoutException e) {
            return new Reading(null, "the brokers did not give the changelogs' end offsets within " + wait);
        } catch (ExecutionException e) {
            return new Reading(null, "the changelogs' end offsets could not be read: " + e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Reading(null, "interrupted");
        }
    }

    private Map<String, Map<String, Long>> offsetLags() {
        Map<String, Map<String, Long>> out = new TreeMap<>();
        for (Map.Entry<String, Map<Integer, LagInfo>> store : lookup.get().entrySet()) {
            Map<String, Long> partitions = new TreeMap<>();
            store.getValue().forEach((p, lag) -> partitions.put(Integer.toString(p), lag.offsetLag()));
            out.put(store.getKey(), partitions);
        }
        return out;
    }
}
