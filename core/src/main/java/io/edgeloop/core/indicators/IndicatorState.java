package io.edgeloop.core.indicators;

import java.nio.ByteBuffer;

/**
 * State of an incremental indicator that can be stored (for example in a RocksDB state store)
 * and restored bit for bit: an indicator restored with {@link #read} from the bytes another
 * instance wrote with {@link #write} produces exactly the same outputs from then on.
 *
 * <p>The encoding is a fixed sequence of primitives in the buffer's byte order; its length is
 * {@link #size()} and depends only on the indicator's configuration (its lengths), never on the
 * data. Configuration is not stored, except each indicator's length, which {@link #read} checks so
 * that a state is never restored into an indicator of another shape.
 */
public interface IndicatorState {

    /** Number of bytes {@link #write} puts and {@link #read} takes; fixed per configuration. */
    int size();

    /** Writes the state at the buffer's position and advances it by {@link #size()} bytes. */
    void write(ByteBuffer buffer);

    /**
     * Replaces this indicator's state with the one at the buffer's position and advances it by
     * {@link #size()} bytes.
     *
     * <p>When it throws, the state may be partly replaced: discard or {@code read} again.
     *
     * @throws IllegalStateException when the stored state belongs to an indicator of another
     *                               length or format version
     */
    void read(ByteBuffer buffer);
}
