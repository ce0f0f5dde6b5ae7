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
 * Where a refused or undecodable input record goes: a {@link DeadLetter} on {@code candles.dlq}
 * (raw bytes, headers, reason, source coordinates), handed back to Kafka Streams so that it is
 * written in the task's transaction. Undecodable records of every topic a stream task reads go
 * there; of refused records, those of the candle input ({@code candles} and its marks on
 * {@code streams.control}); other refusals are logged and counted by Kafka Streams'
 * {@code dropped-records} metric, as are undecodable records of a global store, for which Kafka
 * Streams writes no dead letters.
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

    /** True when the failure is in a global store's task, which cannot send dead letters. */
    static boolean global(ErrorHandlerContext context) {
        return context != null && context.taskId() != null && context.taskId().subtopology() < 0;
    }

    /** The dead letter of a raw record, as the handler's response record with its headers, stamped now. */
    static ProducerRecord<byte[], byte[]> deadLetter(ConsumerRecord<byte[], byte[]> raw, Throwable error, String app) {
        Instant now = Instant.now();
        DeadLetter letter = DeadLetters.of(raw, error, app, now);
        byte[] value = Topics.CANDLES_DLQ.valueSerde().serializer().serialize(Topics.CANDLES_DLQ.name(), letter);
        return new ProducerRecord<>(Topics.CANDLES_DLQ.name(), null, now.toEpochMilli(), raw.key(), value,
                raw.headers());
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
