package io.edgeloop.embedded;

/**
 * How long the broker took to come up.
 *
 * @param formatMillis time to format (or check) the KRaft storage
 * @param startToReadyMillis time from starting the server until an admin client sees the broker
 *     in {@code describeCluster} (registered and unfenced)
 * @param freshStorage true when the storage was formatted now, false when an earlier one was reused
 */
public record StartupTimes(long formatMillis, long startToReadyMillis, boolean freshStorage) {

    /** Format plus start-to-ready. */
    public long totalMillis() {
        return formatMillis + startToReadyMillis;
    }
}
