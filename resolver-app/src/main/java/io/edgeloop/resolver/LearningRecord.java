package io.edgeloop.resolver;

import io.edgeloop.schemas.avro.Outcome;
import io.edgeloop.schemas.topics.Topics;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.serialization.Serializer;

import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.Objects;

/**
 * One record of the learning topic, from an outcome task to the keeper: a RESOLVED outcome to
 * learn from at its order time, or a progress mark alone. Both carry the sending task's mark:
 * every later outcome of that task has an order time at or after it, so the keeper may apply, in
 * order, every outcome ordered before the smallest mark of all tasks (not one ordered at it: such
 * an outcome may still come from any task; see {@link KeeperProcessor}).
 *
 * @param source    the outcome task's partition; {@link #LEGACY} for an outcome written before
 *                  marks existed (the keeper applies it at once, as it did then)
 * @param mark      the task's progress mark, epoch ms
 * @param orderTime when the outcome is learnt: its resolution time, or the task's mark when that
 *                  is later (an outcome resolved late); equal to {@code mark} for a mark alone
 * @param outcome   the outcome, null for a mark alone
 */
record LearningRecord(int source, long mark, long orderTime, Outcome outcome) {

    /** Source of a record in the format before marks (a bare Avro outcome). */
    static final int LEGACY = -1;

    /** The learning topic's value serde. */
    static final Serde<LearningRecord> SERDE = Serdes.serdeFrom(new Writer(), new Reader());

    private static final byte FORMAT = 1;
    private static final int HEADER = 1 + 4 + 8 + 8;

    LearningRecord {
        if (outcome == null && orderTime != mark) {
            throw new IllegalArgumentException("a mark alone is ordered at its mark");
        }
        if (outcome != null && source != LEGACY && orderTime < mark) {
            throw new IllegalArgumentException("an outcome is never ordered before its task's mark");
        }
    }

    /** A progress mark of task {@code source}. */
    static LearningRecord mark(int source, long mark) {
        return new LearningRecord(source, mark, mark, null);
    }

    /** An outcome of task {@code source}, ordered at its resolution time or at the task's mark, whichever is later. */
    static LearningRecord outcome(int source, long mark, Outcome outcome) {
        Objects.requireNonNull(outcome, "outcome");
        return new LearningRecord(source, mark, Math.max(outcome.getResolvedTime().toEpochMilli(), mark), outcome);
    }

    boolean legacy() {
        return source == LEGACY;
    }

    /** Format 1: format byte, source (int), mark (long), order time (long), then the outcome's Avro bytes (none for a mark). */
    private static final class Writer implements Serializer<LearningRecord> {
        private final Serializer<Outcome> outcomes = Topics.OUTCOMES.valueSerde().serializer();

        @Override
        public byte[] serialize(String topic, LearningRecord r) {
            if (r == null) {
                return null;
            }
            byte[] body = r.outcome == null ? new byte[0] : outcomes.serialize(topic, r.outcome);
            return ByteBuffer.allocate(HEADER + body.length).put(FORMAT).putInt(r.source).putLong(r.mark)
                    .putLong(r.orderTime).put(body).array();
        }
    }

    /** Reads format 1, and a bare Avro outcome (single-object encoding, {@code C3 01}) as a legacy record. */
    private static final class Reader implements Deserializer<LearningRecord> {
        private final Deserializer<Outcome> outcomes = Topics.OUTCOMES.valueSerde().deserializer();

        @Override
        public LearningRecord deserialize(String topic, byte[] data) {
            if (data == null) {
                return null;
            }
            if (data.length >= 2 && data[0] == (byte) 0xC3 && data[1] == 0x01) {
                Outcome o = outcomes.deserialize(topic, data);
                return new LearningRecord(LEGACY, 0, o.getResolvedTime().toEpochMilli(), o);
            }
            if (data.length < HEADER || data[0] != FORMAT) {
                throw new SerializationException("not a learning record (format " + (data.length == 0 ? "none" : data[0])
                        + ", " + data.length + " bytes)");
            }
            ByteBuffer in = ByteBuffer.wrap(data, 1, HEADER - 1);
            int source = in.getInt();
            long mark = in.getLong();
            long orderTime = in.getLong();
            Outcome o = data.length == HEADER ? null
                    : outcomes.deserialize(topic, Arrays.copyOfRange(data, HEADER, data.length));
            return new LearningRecord(source, mark, orderTime, o);
        }
    }
}
