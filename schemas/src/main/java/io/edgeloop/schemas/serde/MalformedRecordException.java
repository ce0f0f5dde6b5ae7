package io.edgeloop.schemas.serde;

/**
 * The bytes are not a valid single-object encoded record: too short for the header, a wrong
 * marker, a body that does not decode with its writer schema, or bytes left over after it.
 */
public final class MalformedRecordException extends RecordDecodingException {

    private static final long serialVersionUID = 1L;

    /** @param message what was wrong */
    public MalformedRecordException(String message) {
        super(message);
    }

    /**
     * @param message what was wrong
     * @param cause   the underlying Avro or I/O failure
     */
    public MalformedRecordException(String message, Throwable cause) {
        super(message, cause);
    }
}
