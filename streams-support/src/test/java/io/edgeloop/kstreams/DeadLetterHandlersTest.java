package io.edgeloop.kstreams;

import io.edgeloop.schemas.avro.DeadLetter;
import io.edgeloop.schemas.serde.MalformedRecordException;
import io.edgeloop.schemas.topics.Topics;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.streams.errors.DeserializationExceptionHandler;
import org.apache.kafka.streams.errors.ErrorHandlerContext;
import org.apache.kafka.streams.errors.ProcessingExceptionHandler;
import org.apache.kafka.streams.errors.internals.DefaultErrorHandlerContext;
import org.apache.kafka.streams.processor.TaskId;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.Map;

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
    void shouldSkipAnUndecodablePredictionWithoutDeadLetter() {
        DeadLetterDeserializationHandler handler = new DeadLetterDeserializationHandler();
        ConsumerRecord<byte[], byte[]> raw = new ConsumerRecord<>(Topics.PREDICTIONS.name(), 0, 7L, KEY, GARBAGE);

        DeserializationExceptionHandler.Response response = handler.handleError(null, raw,
                new MalformedRecordException("bad"));

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

    private static DeadLetterProcessingHandler processingHandler() {
        DeadLetterProcessingHandler handler = new DeadLetterProcessingHandler();
        handler.configure(Map.of(StreamsConfig.APPLICATION_ID_CONFIG, "streams-1"));
        return handler;
    }

    private static ErrorHandlerContext context(String topic) {
        return new DefaultErrorHandlerContext(null, topic, 3, 42L, new RecordHeaders(), "ticker-model",
                new TaskId(0, 3), 1_000L, KEY, GARBAGE);
    }
}

