package io.edgeloop.kstreams;

import io.edgeloop.schemas.avro.DeadLetter;
import io.edgeloop.schemas.serde.DeadLetters;
import io.edgeloop.schemas.topics.Topics;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.record.TimestampType;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.errors.ErrorHandlerContext;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/**
 * Where a refused or undecodable input record goes. A record of the candle input, read from {@code candles} or
 * from {@code streams.control} (its input marks), becomes a
 * {@link DeadLetter} on {@code candles.dlq} (raw bytes, reason, source coordinates), handed back
 * to Kafka Streams so that it is written in the task's transaction; anything else (predictions,
 * trades, reference data, library records) is only logged and counted by Kafka Streams'
 * {@code dropped-records} metric.
 */
final class DeadLetterRouting {

    private DeadLetterRouting() {
    }

    /** The application id from a handler's configs (Kafka Streams always passes it). */
    static String app(Map<String, ?> configs) {
        Object id = configs.get(StreamsConfig.APPLICATION_ID_CONFIG);
        return id == null ? "edgeloop" : id.toString();
    }

    /** True for records whose failures go to {@code candles.dlq}. */
    static boolean routed(String topic) {
        return Topics.CANDLES.name().equals(topic) || Topics.STREAMS_CONTROL.name().equals(topic);
    }

    /** The dead letter of a raw record, as the handler's response record, stamped now. */
    static ProducerRecord<byte[], byte[]> deadLetter(ConsumerRecord<byte[], byte[]> raw, Throwable error, String app) {
        Instant now = Instant.now();
        DeadLetter letter = DeadLetters.of(raw, error, app, now);
        byte[] value = Topics.CANDLES_DLQ.valueSerde().serializer().serialize(Topics.CANDLES_DLQ.name(), letter);
        return new ProducerRecord<>(Topics.CANDLES_DLQ.name(), null, now.toEpochMilli(), raw.key(), value);
    }

    /** The raw record a processing failure came from, rebuilt from the handler context. */
    static ConsumerRecord<byte[], byte[]> rawRecord(ErrorHandlerContext context) {
        byte[] key = context.sourceRawKey();
        byte[] value = context.sourceRawValue();
        return new ConsumerRecord<>(context.topic(), context.partition(), context.offset(), context.timestamp(),
                TimestampType.CREATE_TIME, key == null ? -1 : key.length, value == null ? -1 : value.length, key, value,
                context.headers(), Optional.empty());
    }
}
