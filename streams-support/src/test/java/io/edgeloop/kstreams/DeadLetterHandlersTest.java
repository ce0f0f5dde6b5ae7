package io.edgeloop.kstreams;

import io.edgeloop.schemas.avro.DeadLetter;
import io.edgeloop.schemas.serde.MalformedRecordException;
import io.edgeloop.schemas.topics.Topics;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.record.TimestampType;
import org.apache.kafka.streams.errors.DeserializationExceptionHandler;
import org.apache.kafka.streams.errors.ErrorHandlerContext;
import org.apache.kafka.streams.errors.ProcessingExceptionHandler;
import org.apache.kafka.streams.errors.internals.DefaultErrorHandlerContext;
import org.apache.kafka.streams.processor.TaskId;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class DeadLetterHandlersTest {

    private static final byte[] KEY = "SPY".getBytes(StandardCharsets.UTF_8);
    private static final byte[] GARBAGE = "not avro".getBytes(StandardCharsets.UTF_8);

    @Test
    void shouldSendAnUndecodableCandleToTheDeadLetterQueueVerbatim() {
        DeadLetterDeserializationHandler handler = new DeadLetterDeserializationHandler();
        handler.configure(Map.of(StreamsConfig.APPLICATION_ID_CONFIG, "resolver-7"));
        ConsumerRecord<byte[], byte[]> raw = new ConsumerRecord<>(Topics.CANDLES.name(), 3, 42L, KEY, GARBAGE);
        MalformedRecordException error = new MalformedRecordException("8 bytes is shorter than the header");

        DeserializationExceptionHandler.Response response = handler.handleError(null, raw, error);

        assertThat(response.result()).isEqualTo(DeserializationExceptionHandler.Result.RESUME);
        ProducerRecord<byte[], byte[]> out = response.deadLetterQueueRecords().get(0);
        assertThat(out.topic()).isEqualTo(Topics.CANDLES_DLQ.name());
        assertThat(out.key()).isEqualTo(KEY);
        DeadLetter letter = Topics.CANDLES_DLQ.valueSerde().deserializer().deserialize(out.topic(), out.value());
        assertThat(letter.getSourceTopic()).isEqualTo("candles");
        assertThat(letter.getPartition()).isEqualTo(3);
        assertThat(letter.getOffset()).isEqualTo(42L);
        assertThat(letter.getValue().array()).isEqualTo(GARBAGE);
        assertThat(letter.getReason()).isEqualTo("8 bytes is shorter than the header");
        assertThat(letter.getErrorClass()).isEqualTo(MalformedRecordException.class.getName());
        assertThat(letter.getApp()).isEqualTo("resolver-7");
    }

    @Test
    void shouldDeadLetterAnUndecodablePredictionOfAStreamTask() {
        DeadLetterDeserializationHandler handler = new DeadLetterDeserializationHandler();
        ConsumerRecord<byte[], byte[]> raw = new ConsumerRecord<>(Topics.PREDICTIONS.name(), 0, 7L, KEY, GARBAGE);

        DeserializationExceptionHandler.Response response = handler.handleError(
                context(Topics.PREDICTIONS.name(), new TaskId(1, 0)), raw, new MalformedRecordException("bad"));

        assertThat(response.result()).isEqualTo(DeserializationExceptionHandler.Result.RESUME);
        DeadLetter letter = Topics.CANDLES_DLQ.valueSerde().deserializer().deserialize(Topics.CANDLES_DLQ.name(),
                response.deadLetterQueueRecords().get(0).value());
        assertThat(letter.getSourceTopic()).isEqualTo(Topics.PREDICTIONS.name());
    }

    @Test
    void shouldSkipAnUndecodableRecordOfAGlobalStoreWithoutDeadLetter() {
        // Kafka Streams' global thread cannot send dead letters (its context has no record collector)
        DeadLetterDeserializationHandler handler = new DeadLetterDeserializationHandler();
        ConsumerRecord<byte[], byte[]> raw = new ConsumerRecord<>(Topics.PATTERN_LIBRARY.name(), 0, 7L, KEY, GARBAGE);

        DeserializationExceptionHandler.Response response = handler.handleError(
                context(Topics.PATTERN_LIBRARY.name(), new TaskId(-1, -1)), raw, new MalformedRecordException("bad"));

        assertThat(response.result()).isEqualTo(DeserializationExceptionHandler.Result.RESUME);
        assertThat(response.deadLetterQueueRecords()).isEmpty();
    }

    @Test
    void shouldDeadLetterARefusedCandleAndGoOn() {
        DeadLetterProcessingHandler handler = processingHandler();

        ProcessingExceptionHandler.Response response = handler.handleError(context(Topics.CANDLES.name()), null,
                new RejectedRecordException("SPY H1 bar at 2025-01-02T14:30:00Z: a late bar"));

        assertThat(response.result()).isEqualTo(ProcessingExceptionHandler.Result.RESUME);
        DeadLetter letter = Topics.CANDLES_DLQ.valueSerde().deserializer().deserialize(Topics.CANDLES_DLQ.name(),
                response.deadLetterQueueRecords().get(0).value());
        assertThat(letter.getReason()).isEqualTo("SPY H1 bar at 2025-01-02T14:30:00Z: a late bar");
        assertThat(letter.getValue().array()).isEqualTo(GARBAGE);
    }

    @Test
    void shouldSkipARefusedRecordOfAnotherTopicWithoutDeadLetter() {
        ProcessingExceptionHandler.Response response = processingHandler().handleError(
                context(Topics.PREDICTIONS.name()), null, new RejectedRecordException("unusable prediction"));

        assertThat(response.result()).isEqualTo(ProcessingExceptionHandler.Result.RESUME);
        assertThat(response.deadLetterQueueRecords()).isEmpty();
    }

    @Test
    void shouldFailTheTaskOnAFailurePartWayThroughARecord() {
        for (String topic : new String[] {Topics.CANDLES.name(), Topics.PREDICTIONS.name()}) {
            ProcessingExceptionHandler.Response response = processingHandler().handleError(context(topic), null,
                    new IllegalStateException("store and outputs half written"));

            assertThat(response.result()).as(topic).isEqualTo(ProcessingExceptionHandler.Result.FAIL);
            assertThat(response.deadLetterQueueRecords()).as(topic).isEmpty();
        }
    }

    /**
     * The dead letter keeps the source record's headers (tracing ids, the connector's source file
     * and line, producer metadata), so the record can be inspected and replayed as it was: the
     * DeadLetter value has no field for them, the dead-letter record carries them.
     */
    @Test
    void shouldKeepTheSourceHeadersOfAnUndecodableCandle() {
        DeadLetterDeserializationHandler handler = new DeadLetterDeserializationHandler();
        handler.configure(Map.of(StreamsConfig.APPLICATION_ID_CONFIG, "streams-1"));
        RecordHeaders headers = new RecordHeaders(List.<Header>of(
                new RecordHeader("source.file", "SPY_1D.csv".getBytes(StandardCharsets.UTF_8)),
                new RecordHeader("traceparent", "00-4bf92f3577b34da6-00f067aa0ba902b7-01".getBytes(StandardCharsets.UTF_8))));
        ConsumerRecord<byte[], byte[]> raw = new ConsumerRecord<>(Topics.CANDLES.name(), 3, 42L, 1_700_000_000_000L,
                TimestampType.CREATE_TIME, KEY.length, GARBAGE.length, KEY, GARBAGE, headers, Optional.empty());

        DeserializationExceptionHandler.Response response = handler.handleError(null, raw,
                new MalformedRecordException("bad marker"));

        ProducerRecord<byte[], byte[]> out = response.deadLetterQueueRecords().get(0);
        assertThat(out.headers().lastHeader("source.file")).as("source headers on the dead letter").isNotNull();
        assertThat(out.headers().lastHeader("source.file").value())
                .isEqualTo("SPY_1D.csv".getBytes(StandardCharsets.UTF_8));
        assertThat(out.headers().lastHeader("traceparent")).isNotNull();
    }

    /** The same for a candle a processor refuses (the headers come from the handler context). */
    @Test
    void shouldKeepTheSourceHeadersOfARefusedCandle() {
        RecordHeaders headers = new RecordHeaders(List.<Header>of(
                new RecordHeader("source.file", "SPY_1D.csv".getBytes(StandardCharsets.UTF_8))));
        ErrorHandlerContext context = new DefaultErrorHandlerContext(null, Topics.CANDLES.name(), 3, 42L, headers,
                "ticker-model", new TaskId(0, 3), 1_000L, KEY, GARBAGE);

        ProcessingExceptionHandler.Response response = processingHandler().handleError(context, null,
                new RejectedRecordException("a late bar"));

        ProducerRecord<byte[], byte[]> out = response.deadLetterQueueRecords().get(0);
        assertThat(out.headers().lastHeader("source.file")).as("source headers on the dead letter").isNotNull();
    }

    /**
     * DESIGN.md, "Serialization": "A record whose fingerprint is unknown goes to a DLQ, never
     * crashes a task": an operator's approval written with an unknown schema is kept as a dead
     * letter to inspect or replay, not only logged.
     */
    @Test
    void shouldDeadLetterAnApprovalWithAnUnknownSchemaInsteadOfDroppingIt() {
        DeadLetterDeserializationHandler handler = new DeadLetterDeserializationHandler();
        handler.configure(Map.of(StreamsConfig.APPLICATION_ID_CONFIG, "resolver-1"));
        ConsumerRecord<byte[], byte[]> raw = new ConsumerRecord<>(Topics.APPROVALS.name(), 0, 7L,
                "change-42".getBytes(StandardCharsets.UTF_8), GARBAGE);

        DeserializationExceptionHandler.Response response = handler.handleError(null, raw,
                new io.edgeloop.schemas.serde.UnknownSchemaException(123L, "unknown writer schema fingerprint 123"));

        assertThat(response.deadLetterQueueRecords()).as("a dead letter for the undecodable approval").isNotEmpty();
    }

    private static DeadLetterProcessingHandler processingHandler() {
        DeadLetterProcessingHandler handler = new DeadLetterProcessingHandler();
        handler.configure(Map.of(StreamsConfig.APPLICATION_ID_CONFIG, "streams-1"));
        return handler;
    }

    private static ErrorHandlerContext context(String topic) {
        return context(topic, new TaskId(0, 3));
    }

    private static ErrorHandlerContext context(String topic, TaskId task) {
        return new DefaultErrorHandlerContext(null, topic, 3, 42L, new RecordHeaders(), "ticker-model", task, 1_000L,
                KEY, GARBAGE);
    }
}

