package io.edgeloop.core.indicators;

import java.nio.ByteBuffer;

/** Helpers shared by the {@link IndicatorState} implementations: argument checks and headers. */
final class States {

    private States() {
    }

    /** Rejects a window or smoothing length below one with a message naming the indicator. */
    static int requirePositive(int length, String what) {
        if (length < 1) {
            throw new IllegalArgumentException(what + " length must be >= 1, was " + length);
        }
        return length;
    }

    /** Rejects a band multiplier that is negative, NaN or infinite. */
    static double requireFactor(double factor, String what) {
        if (!(factor >= 0) || Double.isInfinite(factor)) {
            throw new IllegalArgumentException(what + " must be a finite number >= 0, was " + factor);
        }
        return factor;
    }

    /** Reads the length header that every state starts with and checks it. */
    static void readHeader(ByteBuffer buffer, int expected, String what) {
        int stored = buffer.getInt();
        if (stored != expected) {
            throw new IllegalStateException(
                    what + " state was written for length " + stored + ", this indicator has length " + expected);
        }
    }

    /** Fails fast when two instances that should share a shape do not. */
    static void requireSameLength(int mine, int theirs, String what) {
        if (mine != theirs) {
            throw new IllegalArgumentException(
                    "cannot copy " + what + " of length " + theirs + " into one of length " + mine);
        }
    }
}
