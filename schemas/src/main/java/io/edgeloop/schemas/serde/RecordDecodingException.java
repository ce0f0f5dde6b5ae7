package io.edgeloop.schemas.serde;

import org.apache.kafka.common.errors.SerializationException;

/**
 * A record's bytes could not be turned into a value. It is a {@link SerializationException}, so
 * Kafka clients and Kafka Streams' deserialization handlers see the usual type, while edgeloop's
 * apps can catch this type to route the raw record to a dead-letter topic instead of failing.
 */
public abstract class RecordDecodingException extends SerializationException {

    private static final long serialVersionUID = 1L;

    /** @param message what was wrong, with the topic and record type when known */
    protected RecordDecodingException(String message) {
        super(message);
    }

    /**
     * @param message what was wrong, with the topic and record type when known
     * @param cause   the underlying Avro or I/O failure
     */
    protected RecordDecodingException(String message, Throwable cause) {
        super(message, cause);
    }
}
