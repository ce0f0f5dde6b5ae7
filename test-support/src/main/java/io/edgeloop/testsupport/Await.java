package io.edgeloop.testsupport;

import java.time.Duration;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/** Waits for a condition instead of sleeping a fixed time, and says what it saw when it gives up. */
public final class Await {

    private static final long POLL_MILLIS = 50;

    private Await() {
    }

    /**
     * Polls {@code condition} until it is true.
     *
     * @param condition what must become true
     * @param timeout how long to wait at most
     * @param diagnostic what was seen instead, evaluated only on failure
     * @throws AssertionError naming the timeout and the diagnostic when the condition stays false
     */
    public static void until(BooleanSupplier condition, Duration timeout, Supplier<String> diagnostic) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() >= deadline) {
                throw new AssertionError("condition not met within " + timeout + ": " + diagnostic.get());
            }
            try {
                Thread.sleep(POLL_MILLIS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted while waiting: " + diagnostic.get(), e);
            }
        }
    }
}
