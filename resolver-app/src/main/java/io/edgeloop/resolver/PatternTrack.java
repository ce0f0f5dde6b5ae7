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
 * A pattern's running statistics in the keeper's stats store: core's {@link PatternStats} sums,
 * the stream time of the last outcome counted, and the baseline auto-degrade judges from.
 *
 * <p>The baseline is the pattern's n and hits when an operator last made it ACTIVE again with
 * its rule unchanged (a PROMOTE, or a rollback): auto-degrade judges only the outcomes after it,
 * so the operator's decision holds until new evidence is against it. The published statistics
 * keep every outcome of the rule.
 *
 * <p>Stored as format 1 (no baseline; what the keeper wrote before baselines) while the
 * baseline is zero, else as format 2 (format 1 followed by the baseline's n and hits); both are
 * read.
 *
 * @param stats         running counts and sums
 * @param updatedAt     stream time of the last outcome counted; null before the first
 * @param baselineN     n when the operator last re-activated the pattern; 0 if never
 * @param baselineHits  hits at that moment
 */
record PatternTrack(PatternStats stats, Instant updatedAt, long baselineN, long baselineHits) {

    private static final byte FORMAT = 1;
    private static final byte FORMAT_WITH_BASELINE = 2;

    static final PatternTrack EMPTY = new PatternTrack(PatternStats.EMPTY, null);

    PatternTrack {
        Objects.requireNonNull(stats, "stats");
        if (baselineN < 0 || baselineN > stats.n() || baselineHits < 0 || baselineHits > stats.hits()
                || baselineHits > baselineN) {
            throw new IllegalArgumentException("baseline (n " + baselineN + ", hits " + baselineHits
                    + ") does not fit statistics with n " + stats.n() + ", hits " + stats.hits());
        }
    }

    PatternTrack(PatternStats stats, Instant updatedAt) {
        this(stats, updatedAt, 0, 0);
    }

    PatternTrack plus(Observation o, Instant at) {
        return new PatternTrack(stats.plus(o), at, baselineN, baselineHits);
    }

    /** The same statistics with the baseline at the current n and hits: what auto-degrade judges starts now. */
    PatternTrack rebased() {
        return new PatternTrack(stats, updatedAt, stats.n(), stats.hits());
    }

    /** Outcomes counted since the baseline. */
    long judgedN() {
        return stats.n() - baselineN;
    }

    /** Hits among the outcomes since the baseline. */
    long judgedHits() {
        return stats.hits() - baselineHits;
    }

    byte[] toBytes() {
        boolean baseline = baselineN != 0 || baselineHits != 0;
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(112);
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeByte(baseline ? FORMAT_WITH_BASELINE : FORMAT);
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
            if (baseline) {
                out.writeLong(baselineN);
                out.writeLong(baselineHits);
            }
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
            if (format != FORMAT && format != FORMAT_WITH_BASELINE) {
                throw new IllegalArgumentException("unknown pattern statistics format " + format);
            }
            PatternStats stats = new PatternStats(in.readLong(), in.readLong(), in.readDouble(), in.readDouble(),
                    in.readDouble(), in.readDouble(), in.readLong(), in.readDouble(), in.readLong(), in.readDouble());
            long at = in.readLong();
            Instant updatedAt = at == Long.MIN_VALUE ? null : Instant.ofEpochMilli(at);
            if (format == FORMAT) {
                return new PatternTrack(stats, updatedAt);
            }
            return new PatternTrack(stats, updatedAt, in.readLong(), in.readLong());
        } catch (IOException e) {
            throw new IllegalArgumentException("truncated pattern statistics (" + data.length + " bytes)", e);
        }
    }
}
