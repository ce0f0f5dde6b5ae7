package io.edgeloop.schemas.serde;

import io.edgeloop.schemas.avro.DeadLetter;
import org.apache.kafka.clients.consumer.ConsumerRecord;

import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.Objects;

/**
 * Builds the {@link DeadLetter} for a raw record an app could not process, keeping its bytes
 * verbatim and its source coordinates, for a deserialization or processing exception handler.
 */
public final class DeadLetters {

    private DeadLetters() {
    }

    /**
     * @param record   the raw record as read (key and value bytes untouched)
     * @param error    why it failed; its message becomes the reason and its class the error class
     * @param app      the application id or connector name that failed
     * @param failedAt when it failed (wall clock: this is operational metadata, not model time)
     */
    public static DeadLetter of(ConsumerRecord<byte[], byte[]> record, Throwable error, String app, Instant failedAt) {
        Objects.requireNonNull(record, "record");
        Objects.requireNonNull(error, "error");
        return DeadLetter.newBuilder()
                .setSourceTopic(record.topic())
                .setPartition(record.partition())
                .setOffset(record.offset())
                .setRecordTimestamp(record.timestamp() == ConsumerRecord.NO_TIMESTAMP
                        ? null : Instant.ofEpochMilli(record.timestamp()))
                .setKey(record.key() == null ? null : ByteBuffer.wrap(record.key().clone()))
                .setValue(record.value() == null ? null : ByteBuffer.wrap(record.value().clone()))
                .setReason(error.getMessage() == null ? error.getClass().getSimpleName() : error.getMessage())
                .setErrorClass(error.getClass().getName())
                .setFailedAt(Objects.requireNonNull(failedAt, "failedAt"))
                .setApp(Objects.requireNonNull(app, "app"))
                .build();
    }
}
