package io.edgeloop.schemas.serde;

import io.edgeloop.schemas.avro.Candle;
import io.edgeloop.schemas.avro.DeadLetter;
import io.edgeloop.schemas.topics.Topics;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class DeadLettersTest {

    @Test
    void shouldKeepRawBytesCoordinatesAndReasonOfAnUndecodableCandle() {
        byte[] key = "SPY".getBytes(StandardCharsets.UTF_8);
        byte[] value = "{\"ts\":1742961600000}".getBytes(StandardCharsets.UTF_8);
        ConsumerRecord<byte[], byte[]> record = new ConsumerRecord<>("candles", 4, 1234L, key, value);
        MalformedRecordException error = catchThrowableOfType(MalformedRecordException.class,
                () -> EdgeloopSerdes.of(Candle.class).decode("candles", value));
        Instant failedAt = Instant.parse("2025-03-26T21:00:00Z");

        DeadLetter letter = DeadLetters.of(record, error, "edgeloop-streams", failedAt);

        assertThat(letter.getSourceTopic()).isEqualTo("candles");
        assertThat(letter.getPartition()).isEqualTo(4);
        assertThat(letter.getOffset()).isEqualTo(1234L);
        assertThat(letter.getRecordTimestamp()).isNull();
        assertThat(letter.getKey()).isEqualTo(ByteBuffer.wrap(key));
        assertThat(letter.getValue()).isEqualTo(ByteBuffer.wrap(value));
        assertThat(letter.getReason()).contains("bad marker");
        assertThat(letter.getErrorClass()).isEqualTo(MalformedRecordException.class.getName());
        DeadLetter back = Topics.CANDLES_DLQ.valueSerde().deserializer().deserialize("candles.dlq",
                Topics.CANDLES_DLQ.valueSerde().serializer().serialize("candles.dlq", letter));
        assertThat(back).isEqualTo(letter);
    }
}
