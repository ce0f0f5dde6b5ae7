package io.edgeloop.resolver;

import io.edgeloop.core.stats.Observation;
import io.edgeloop.core.stats.PatternStats;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.Objects;

/**
 * A pattern's running statistics in the keeper's stats store: core's {@link PatternStats} sums
 * and the stream time of the last outcome counted.
 *
 * @param stats     running counts and sums
 * @param updatedAt stream time of the last outcome counted; null before the first
 */
record PatternTrack(PatternStats stats, Instant updatedAt) {

    private static final byte FORMAT = 1;

    static final PatternTrack EMPTY = new PatternTrack(PatternStats.EMPTY, null);

    PatternTrack {
        Objects.requireNonNull(stats, "stats");
    }

    PatternTrack plus(Observation o, Instant at) {
        return new PatternTrack(stats.plus(o), at);
    }

    byte[] toBytes() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(96);
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeByte(FORMAT);
            out.writeLong(stats.n());
            out.writeLong(stats.hits());
            out.writeDouble(stats.sumReturn());
            out.writeDouble(stats.sumHitReturn());
            out.writeDouble(stats.sumMfe());
            out.writeDouble(stats.sumMae());
            out.writeLong(stats.ups());
            out.writeDouble(stats.sumUp());
            out.writeLong(stats.downs());
            out.writeDouble(stats.sumDown());
            out.writeLong(updatedAt == null ? Long.MIN_VALUE : updatedAt.toEpochMilli());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write pattern statistics", e);
        }
        return bytes.toByteArray();
    }

    /** Restores {@link #toBytes()}; null gives {@link #EMPTY}. */
    static PatternTrack fromBytes(byte[] data) {
        if (data == null) {
            return EMPTY;
        }
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(data))) {
            byte format = in.readByte();
            if (format != FORMAT) {
                throw new IllegalArgumentException("unknown pattern statistics format " + format);
            }
            PatternStats stats = new PatternStats(in.readLong(), in.readLong(), in.readDouble(), in.readDouble(),
                    in.readDouble(), in.readDouble(), in.readLong(), in.readDouble(), in.readLong(), in.readDouble());
            long at = in.readLong();
            return new PatternTrack(stats, at == Long.MIN_VALUE ? null : Instant.ofEpochMilli(at));
        } catch (IOException e) {
            throw new IllegalArgumentException("truncated pattern statistics (" + data.length + " bytes)", e);
        }
    }
}
