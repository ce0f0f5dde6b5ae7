package io.edgeloop.schemas.serde;

import org.apache.avro.Schema;

import java.util.Locale;
import java.util.Objects;

/**
 * One released version of a topic value schema.
 *
 * @param recordName  full name of the record, e.g. {@code io.edgeloop.schemas.avro.Candle}
 * @param version     version number, 1 for the first release
 * @param fingerprint CRC-64-AVRO fingerprint of the schema's parsing canonical form, as written
 *                    in the single-object encoding header (Avro specification, "Single-object
 *                    encoding"; {@code SchemaNormalization.parsingFingerprint64})
 * @param schema      the schema as released
 */
public record SchemaVersion(String recordName, int version, long fingerprint, Schema schema) {

    public SchemaVersion {
        Objects.requireNonNull(recordName, "recordName");
        Objects.requireNonNull(schema, "schema");
        if (version < 1) {
            throw new IllegalArgumentException("schema versions start at 1, got " + version);
        }
    }

    /**
     * The 10 header bytes every record written with this version starts with, as lower-case hex:
     * the marker {@code c3 01} then the fingerprint in little-endian byte order.
     */
    public String headerHex() {
        StringBuilder hex = new StringBuilder("c301");
        for (int i = 0; i < Long.BYTES; i++) {
            hex.append(String.format(Locale.ROOT, "%02x", (fingerprint >>> (8 * i)) & 0xff));
        }
        return hex.toString();
    }
}
