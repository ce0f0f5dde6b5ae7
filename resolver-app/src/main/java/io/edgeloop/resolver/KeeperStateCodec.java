package io.edgeloop.resolver;

import io.edgeloop.core.library.Change;
import io.edgeloop.core.library.ChangeKind;
import io.edgeloop.core.library.ChangeRecord;
import io.edgeloop.core.library.ChangeStatus;
import io.edgeloop.core.library.EntryDiff;
import io.edgeloop.core.library.LibraryEntry;
import io.edgeloop.core.library.PatternLibrary;
import io.edgeloop.core.library.PatternStatus;
import io.edgeloop.core.rules.PatternDefinition;
import io.edgeloop.core.stats.BetaPrior;
import io.edgeloop.schemas.mapping.PatternMapping;
import io.edgeloop.schemas.serde.AvroSerde;
import io.edgeloop.schemas.serde.EdgeloopSerdes;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The keeper's state as store values, one record per library version and per change, so each
 * request writes a few small records (never the whole history, which would outgrow a changelog
 * record): see {@link KeeperProcessor}. Pattern values are written in their Avro single-object
 * form (fingerprinted, so a later schema version still reads them) through {@link PatternMapping};
 * the rest is a fixed binary layout with a format byte.
 */
final class KeeperStateCodec {

    private static final byte FORMAT = 1;
    private static final String TOPIC = "keeper-state";
    private static final AvroSerde<io.edgeloop.schemas.avro.PatternDefinition> PATTERNS =
            EdgeloopSerdes.of(io.edgeloop.schemas.avro.PatternDefinition.class);

    /** A change record with its position in the keeper's arrival order. */
    record Sequenced(long seq, ChangeRecord<PatternDefinition> record) {
    }

    private KeeperStateCodec() {
    }

    static byte[] library(PatternLibrary<PatternDefinition> library) {
        return write(out -> {
            out.writeLong(library.version());
            out.writeInt(library.entries().size());
            for (LibraryEntry<PatternDefinition> entry : library.entries().values()) {
                writeEntry(out, entry);
            }
        });
    }

    static PatternLibrary<PatternDefinition> library(byte[] data) {
        return read(data, in -> {
            long version = in.readLong();
            int n = in.readInt();
            Map<String, LibraryEntry<PatternDefinition>> entries = new TreeMap<>();
            for (int i = 0; i < n; i++) {
                LibraryEntry<PatternDefinition> entry = readEntry(in);
                entries.put(entry.id(), entry);
            }
            return new PatternLibrary<>(version, entries);
        });
    }

    static byte[] change(long seq, ChangeRecord<PatternDefinition> record) {
        return write(out -> {
            out.writeLong(seq);
            Change<PatternDefinition> c = record.change();
            writeString(out, c.changeId());
            writeString(out, c.kind().name());
            writeString(out, c.patternId());
            writePattern(out, c.payload());
            writeString(out, c.addAs() == null ? null : c.addAs().name());
            out.writeLong(c.targetVersion());
            writeString(out, c.proposer());
            writeString(out, c.rationale());
            writeString(out, record.status().name());
            writeString(out, record.decidedBy());
            writeString(out, record.decisionReason());
            out.writeBoolean(record.autoApplied());
            out.writeLong(record.appliedVersion());
            out.writeInt(record.diff().size());
            for (EntryDiff<PatternDefinition> d : record.diff()) {
                writeString(out, d.patternId());
                writeOptionalEntry(out, d.before());
                writeOptionalEntry(out, d.after());
            }
        });
    }

    static Sequenced change(byte[] data) {
        return read(data, in -> {
            long seq = in.readLong();
            String id = readString(in);
            ChangeKind kind = ChangeKind.valueOf(readString(in));
            String patternId = readString(in);
            PatternDefinition payload = readPattern(in);
            String addAs = readString(in);
            long target = in.readLong();
            String proposer = readString(in);
            String rationale = readString(in);
            Change<PatternDefinition> change = new Change<>(id, kind, patternId, payload,
                    addAs == null ? null : PatternStatus.valueOf(addAs), target, proposer, rationale);
            ChangeStatus status = ChangeStatus.valueOf(readString(in));
            String decidedBy = readString(in);
            String reason = readString(in);
            boolean auto = in.readBoolean();
            long applied = in.readLong();
            int n = in.readInt();
            List<EntryDiff<PatternDefinition>> diff = new ArrayList<>(n);
            for (int i = 0; i < n; i++) {
                diff.add(new EntryDiff<>(readString(in), readOptionalEntry(in), readOptionalEntry(in)));
            }
            return new Sequenced(seq, new ChangeRecord<>(change, status, decidedBy, reason, auto, applied, diff));
        });
    }

    private static void writeEntry(DataOutputStream out, LibraryEntry<PatternDefinition> entry) throws IOException {
        writeString(out, entry.id());
        writeString(out, entry.status().name());
        writePattern(out, entry.pattern());
        writeString(out, entry.origin());
        out.writeLong(entry.version());
    }

    private static LibraryEntry<PatternDefinition> readEntry(DataInputStream in) throws IOException {
        return new LibraryEntry<>(readString(in), PatternStatus.valueOf(readString(in)), readPattern(in),
                readString(in), in.readLong());
    }

    private static void writeOptionalEntry(DataOutputStream out, LibraryEntry<PatternDefinition> entry)
            throws IOException {
        out.writeBoolean(entry != null);
        if (entry != null) {
            writeEntry(out, entry);
        }
    }

    private static LibraryEntry<PatternDefinition> readOptionalEntry(DataInputStream in) throws IOException {
        return in.readBoolean() ? readEntry(in) : null;
    }

    /** A pattern value: its Avro form with placeholder statistics (keeper values carry none; see {@link ChangeMapping#payload}). */
    private static void writePattern(DataOutputStream out, PatternDefinition p) throws IOException {
        if (p == null) {
            out.writeInt(-1);
            return;
        }
        byte[] bytes = PATTERNS.serializer().serialize(TOPIC, PatternMapping.toAvro(p, 0, BetaPrior.UNIFORM, 0.5, null));
        out.writeInt(bytes.length);
        out.write(bytes);
    }

    private static PatternDefinition readPattern(DataInputStream in) throws IOException {
        int length = in.readInt();
        if (length < 0) {
            return null;
        }
        byte[] bytes = in.readNBytes(length);
        return PatternMapping.toDomain(PATTERNS.deserializer().deserialize(TOPIC, bytes));
    }

    private static void writeString(DataOutputStream out, String s) throws IOException {
        if (s == null) {
            out.writeInt(-1);
            return;
        }
        byte[] bytes = s.getBytes(StandardCharsets.UTF_8);
        out.writeInt(bytes.length);
        out.write(bytes);
    }

    private static String readString(DataInputStream in) throws IOException {
        int length = in.readInt();
        return length < 0 ? null : new String(in.readNBytes(length), StandardCharsets.UTF_8);
    }

    @FunctionalInterface
    private interface Writer {
        void write(DataOutputStream out) throws IOException;
    }

    @FunctionalInterface
    private interface Reader<T> {
        T read(DataInputStream in) throws IOException;
    }

    private static byte[] write(Writer writer) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(256);
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeByte(FORMAT);
            writer.write(out);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write keeper state", e);
        }
        return bytes.toByteArray();
    }

    private static <T> T read(byte[] data, Reader<T> reader) {
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(data))) {
            byte format = in.readByte();
            if (format != FORMAT) {
                throw new IllegalArgumentException("unknown keeper state format " + format);
            }
            T value = reader.read(in);
            if (in.available() > 0) {
                throw new IllegalArgumentException("keeper state record has " + in.available() + " trailing bytes");
            }
            return value;
        } catch (IOException e) {
            throw new IllegalArgumentException("truncated or corrupt keeper state record (" + data.length + " bytes)", e);
        }
    }
}
