package io.edgeloop.kstreams;

import io.edgeloop.schemas.avro.DeadLetter;
import io.edgeloop.schemas.serde.MalformedRecordException;
import io.edgeloop.schemas.topics.Topics;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.errors.DeserializationExceptionHandler;
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
}
