package io.edgeloop.streams;

import io.edgeloop.core.signals.SignalLabel;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serializer;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/**
 * What a ticker task tells the breadth aggregator, on the internal {@code breadth} repartition
 * topic: a ticker's new label (sent only when its label changed), or a progress mark of its
 * {@code candles} partition (no ticker). Both say the partition has processed its candles up to
 * {@code closeTime}; the candle source publishes in bar-close order, so that is a partition's
 * event-time progress.
 *
 * @param partition the {@code candles} partition the vote comes from
 * @param ticker    the ticker, or "" for a progress mark
 * @param label     the ticker's new label; null for a progress mark
 * @param openTime  open time of the bar the label belongs to (the signal's bar time)
 * @param closeTime close time of that bar: the vote's event time
 */
record BreadthVote(int partition, String ticker, SignalLabel label, long openTime, long closeTime) {

    static BreadthVote progress(int partition, long closeTime) {
        return new BreadthVote(partition, "", null, closeTime, closeTime);
    }

    boolean isProgress() {
        return label == null;
    }

    /**
     * The serde of the repartition topic: partition (int), label ordinal (byte, -1 for a mark),
     * open and close time (longs), ticker (UTF-8, the rest).
     */
    static Serde<BreadthVote> serde() {
        Serializer<BreadthVote> serializer = (topic, v) -> {
            if (v == null) {
                return null;
            }
            byte[] t = v.ticker().getBytes(StandardCharsets.UTF_8);
            return ByteBuffer.allocate(Integer.BYTES + 1 + 2 * Long.BYTES + t.length).putInt(v.partition())
                    .put((byte) (v.label() == null ? -1 : v.label().ordinal())).putLong(v.openTime())
                    .putLong(v.closeTime()).put(t).array();
        };
        Deserializer<BreadthVote> deserializer = (topic, bytes) -> {
            if (bytes == null) {
                return null;
            }
            if (bytes.length < Integer.BYTES + 1 + 2 * Long.BYTES) {
                throw new SerializationException("breadth vote of " + bytes.length + " bytes is too short");
            }
            ByteBuffer b = ByteBuffer.wrap(bytes);
            int partition = b.getInt();
            byte label = b.get();
            long open = b.getLong();
            long close = b.getLong();
            String ticker = new String(bytes, b.position(), b.remaining(), StandardCharsets.UTF_8);
            return new BreadthVote(partition, ticker, label < 0 ? null : SignalLabel.values()[label], open, close);
        };
        return org.apache.kafka.common.serialization.Serdes.serdeFrom(serializer, deserializer);
    }
}
