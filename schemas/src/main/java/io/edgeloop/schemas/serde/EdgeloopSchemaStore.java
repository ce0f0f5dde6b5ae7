package io.edgeloop.schemas.serde;

import io.edgeloop.schemas.avro.ApprovalDecision;
import io.edgeloop.schemas.avro.Candle;
import io.edgeloop.schemas.avro.DeadLetter;
import io.edgeloop.schemas.avro.MarketSignal;
import io.edgeloop.schemas.avro.ModelChange;
import io.edgeloop.schemas.avro.Outcome;
import io.edgeloop.schemas.avro.PatternDefinition;
import io.edgeloop.schemas.avro.Prediction;
import io.edgeloop.schemas.avro.ScoreSnapshot;
import io.edgeloop.schemas.avro.TickerReference;
import io.edgeloop.schemas.avro.Trade;
import org.apache.avro.Schema;
import org.apache.avro.SchemaCompatibility;
import org.apache.avro.SchemaNormalization;
import org.apache.avro.message.SchemaStore;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificRecord;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Every released version of every topic value schema, found by fingerprint: the schema store
 * behind {@link AvroSerde}'s decoders, so a record written with any released version decodes
 * into the current generated class (Avro schema resolution fills fields added since with their
 * defaults).
 *
 * <p>Versions live as resources {@code io/edgeloop/schemas/history/<Record>/v<N>.avsc}, N = 1, 2,
 * ... without gaps, each a standalone schema with every named type inlined. Loading fails when a
 * record has no history or when its newest version is not the schema the generated class was
 * built from, so an unreleased schema can never be written. To release a change to a schema,
 * edit its {@code .avsc} and add the next {@code v<N>.avsc} with the same content.
 *
 * <p>Immutable and thread-safe.
 */
public final class EdgeloopSchemaStore implements SchemaStore {

    /** Classpath folder holding one sub-folder of versions per record. */
    public static final String HISTORY_ROOT = "io/edgeloop/schemas/history";

    private static final List<Class<? extends SpecificRecord>> RECORD_TYPES = List.of(
            Candle.class, TickerReference.class, ScoreSnapshot.class, Prediction.class,
            Trade.class, Outcome.class, MarketSignal.class, PatternDefinition.class,
            ModelChange.class, ApprovalDecision.class, DeadLetter.class);

    private final Map<String, List<SchemaVersion>> byRecord;
    private final Map<Long, SchemaVersion> byFingerprint;

    private EdgeloopSchemaStore(Map<String, List<SchemaVersion>> byRecord) {
        this.byRecord = Map.copyOf(byRecord);
        Map<Long, SchemaVersion> index = new HashMap<>();
        for (List<SchemaVersion> versions : byRecord.values()) {
            // A later version that only changes docs or defaults keeps the fingerprint; the newest wins.
            versions.forEach(v -> index.put(v.fingerprint(), v));
        }
        this.byFingerprint = Map.copyOf(index);
    }

    /** The store of this module's schema history, loaded once. */
    public static EdgeloopSchemaStore standard() {
        return Holder.STANDARD;
    }

    /** The generated classes of every topic value, the records that have a schema history. */
    public static List<Class<? extends SpecificRecord>> recordTypes() {
        return RECORD_TYPES;
    }

    /**
     * Loads every record type's history from the classpath of this class.
     *
     * @throws IllegalStateException when a history is missing, unparsable, names another record, or
     *                               does not end with the generated class's schema
     */
    static EdgeloopSchemaStore load() {
        Map<String, List<SchemaVersion>> byRecord = new LinkedHashMap<>();
        for (Class<? extends SpecificRecord> type : RECORD_TYPES) {
            Schema current = SpecificData.getForClass(type).getSchema(type);
            byRecord.put(current.getFullName(), loadHistory(current));
        }
        return new EdgeloopSchemaStore(byRecord);
    }

    private static List<SchemaVersion> loadHistory(Schema current) {
        List<SchemaVersion> versions = new ArrayList<>();
        for (int n = 1; ; n++) {
            String path = historyPath(current.getName(), n);
            try (InputStream in = EdgeloopSchemaStore.class.getClassLoader().getResourceAsStream(path)) {
                if (in == null) {
                    break;
                }
                Schema schema = new Schema.Parser().parse(in);
                if (!schema.getFullName().equals(current.getFullName())) {
                    throw new IllegalStateException(path + " defines " + schema.getFullName()
                            + ", expected " + current.getFullName());
                }
                versions.add(new SchemaVersion(schema.getFullName(), n,
                        SchemaNormalization.parsingFingerprint64(schema), schema));
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read schema history " + path, e);
            }
        }
        if (versions.isEmpty()) {
            throw new IllegalStateException("no schema history for " + current.getFullName()
                    + ": expected " + historyPath(current.getName(), 1));
        }
        SchemaVersion newest = versions.get(versions.size() - 1);
        long currentFingerprint = SchemaNormalization.parsingFingerprint64(current);
        if (newest.fingerprint() != currentFingerprint) {
            throw new IllegalStateException("schema history of " + current.getFullName() + " ends at v"
                    + newest.version() + " but the generated class has another schema: release it as "
                    + historyPath(current.getName(), newest.version() + 1));
        }
        for (SchemaVersion older : versions) {
            SchemaCompatibility.SchemaPairCompatibility check =
                    SchemaCompatibility.checkReaderWriterCompatibility(current, older.schema());
            if (check.getType() != SchemaCompatibility.SchemaCompatibilityType.COMPATIBLE) {
                throw new IllegalStateException("the current schema of " + current.getFullName() + " cannot read v"
                        + older.version() + ", which records on the topics may still have: " + check.getDescription());
            }
        }
        return List.copyOf(versions);
    }

    /** Classpath resource of one version of a record, by the record's simple name. */
    public static String historyPath(String recordSimpleName, int version) {
        return HISTORY_ROOT + "/" + recordSimpleName + "/v" + version + ".avsc";
    }

    /** The writer schema with this fingerprint, of any record; null when unknown (Avro's contract). */
    @Override
    public Schema findByFingerprint(long fingerprint) {
        SchemaVersion version = byFingerprint.get(fingerprint);
        return version == null ? null : version.schema();
    }

    /** The released version with this fingerprint, of any record. */
    public Optional<SchemaVersion> version(long fingerprint) {
        return Optional.ofNullable(byFingerprint.get(fingerprint));
    }

    /** Every released version of a record, oldest first; empty for a record without history. */
    public List<SchemaVersion> versions(String recordFullName) {
        return byRecord.getOrDefault(recordFullName, List.of());
    }

    /** Full names of every record with a history, in {@link #recordTypes()} order. */
    public List<String> recordNames() {
        return RECORD_TYPES.stream().map(t -> SpecificData.getForClass(t).getSchema(t).getFullName()).toList();
    }

    /**
     * A view that resolves only versions of one record, so a decoder never tries to read a
     * record of another type as its own.
     *
     * @throws IllegalArgumentException when the record has no history
     */
    public SchemaStore forRecord(String recordFullName) {
        List<SchemaVersion> versions = versions(recordFullName);
        if (versions.isEmpty()) {
            throw new IllegalArgumentException(recordFullName + " has no schema history; only topic value types "
                    + recordNames() + " can be serialized");
        }
        Map<Long, Schema> own = new HashMap<>();
        versions.forEach(v -> own.put(v.fingerprint(), v.schema()));
        Map<Long, Schema> frozen = Map.copyOf(own);
        return frozen::get;
    }

    private static final class Holder {
        private static final EdgeloopSchemaStore STANDARD = load();
    }
}
