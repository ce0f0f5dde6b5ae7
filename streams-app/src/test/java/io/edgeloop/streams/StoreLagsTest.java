package io.edgeloop.streams;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Constructor;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.apache.kafka.streams.LagInfo;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class StoreLagsTest {

    private final ExecutorService executor = Executors.newCachedThreadPool();
    private final CountDownLatch brokersAnswer = new CountDownLatch(1);

    @AfterEach
    void stop() {
        brokersAnswer.countDown();
        executor.shutdownNow();
    }

    @Test
    void shouldGiveTheOffsetLagByStoreAndPartition() throws Exception {
        StoreLags lags = new StoreLags(() -> Map.of("ticker-state", Map.of(3, lag(90, 100), 0, lag(5, 5))),
                Duration.ofSeconds(5), executor);

        StoreLags.Reading reading = lags.get();

        assertThat(reading.unknownBecause()).isNull();
        assertThat(reading.lags()).isEqualTo(Map.of("ticker-state", Map.of("0", 0L, "3", 10L)));
    }

    @Test
    void shouldAnswerWithinTheWaitWhileTheBrokersDoNotAnswerAndRunOneLookupAtATime() throws Exception {
        AtomicInteger lookups = new AtomicInteger();
        StoreLags lags = new StoreLags(() -> {
            lookups.incrementAndGet();
            await(brokersAnswer);
            return Map.of("ticker-state", Map.of(0, lag(1, 4)));
        }, Duration.ofMillis(200), executor);

        long start = System.nanoTime();
        StoreLags.Reading first = lags.get();
        StoreLags.Reading second = lags.get();
        long tookMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);

        assertThat(first.lags()).isNull();
        assertThat(first.unknownBecause()).contains("did not give the changelogs' end offsets within PT0.2S");
        assertThat(second.lags()).isNull();
        assertThat(tookMillis).as("two probes, each waiting 200 ms at most").isLessThan(2_000);
        assertThat(lookups).as("the second probe shares the lookup in flight").hasValue(1);

        brokersAnswer.countDown();
        assertThat(lags.get().lags()).isEqualTo(Map.of("ticker-state", Map.of("0", 3L)));
        assertThat(lags.get().lags()).isNotNull();
        assertThat(lookups.get()).as("a finished lookup is not reused").isGreaterThanOrEqualTo(2);
    }

    @Test
    void shouldSayWhyWhenTheLookupFails() {
        StoreLags lags = new StoreLags(() -> {
            throw new IllegalStateException("listOffsets failed");
        }, Duration.ofSeconds(5), executor);

        StoreLags.Reading reading = lags.get();

        assertThat(reading.lags()).isNull();
        assertThat(reading.unknownBecause()).contains("could not be read", "listOffsets failed");
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Kafka Streams builds these itself; its constructor is package-private. */
    private static LagInfo lag(long current, long end) {
        try {
            Constructor<LagInfo> c = LagInfo.class.getDeclaredConstructor(long.class, long.class);
            c.setAccessible(true);
            return c.newInstance(current, end);
        } catch (ReflectiveOperationException e) {
            throw new AssertionError(e);
        }
    }
}
