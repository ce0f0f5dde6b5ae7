package io.edgeloop.schemas.serde;

/**
 * The record is well-formed single-object encoding, but its writer-schema fingerprint is not a
 * released version of the expected record type: a producer ran with a schema that was never
 * added to the schema history, or the record belongs on another topic.
 */
public final class UnknownSchemaException extends RecordDecodingException {

    private static final long serialVersionUID = 1L;

    private final long fingerprint;

    /**
     * @param fingerprint the CRC-64-AVRO fingerprint read from the record header
     * @param message     what was expected and, when known, what the fingerprint belongs to
     */
    public UnknownSchemaException(long fingerprint, String message) {
        super(message);
        this.fingerprint = fingerprint;
    }

    /** The writer-schema fingerprint (CRC-64-AVRO of the parsing canonical form) of the record. */
    public long fingerprint() {
        return fingerprint;
    }
}
