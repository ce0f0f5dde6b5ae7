package io.edgeloop.schemas.json;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.edgeloop.schemas.avro.Candle;
import io.edgeloop.schemas.avro.DeadLetter;
import org.junit.jupiter.api.Test;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

class AvroJsonTest {

    @Test
    void shouldRenderFieldsByAvroNameWithInstantsAsIsoAndUnionsUnwrapped() throws Exception {
        Candle candle = Candle.newBuilder().setTicker("SPY").setInterval("D")
                .setOpenTime(Instant.parse("2024-03-01T00:00:00Z"))
                .setOpen(508.98).setHigh(513.29).setLow(508.56).setClose(512.85).setVolume(76_844_800)
                .setSource("history").build();

        JsonNode json = new ObjectMapper().readTree(AvroJson.toLine(candle));

        assertThat(json.get("ticker").asText()).isEqualTo("SPY");
        assertThat(json.get("openTime").asText()).isEqualTo("2024-03-01T00:00:00Z");
        assertThat(json.get("close").asDouble()).isEqualTo(512.85);
        assertThat(json.fieldNames()).toIterable()
                .containsExactly("ticker", "interval", "openTime", "open", "high", "low", "close", "volume", "source");
    }

    @Test
    void shouldRenderNullableFieldsAsNullOrPlainValueAndBytesAsBase64() {
        DeadLetter letter = DeadLetter.newBuilder()
                .setSourceTopic("candles").setPartition(2).setOffset(41)
                .setKey(null).setValue(ByteBuffer.wrap("oops".getBytes(StandardCharsets.UTF_8)))
                .setReason("not an Avro record").setErrorClass("MalformedRecordException")
                .setFailedAt(Instant.parse("2026-01-02T03:04:05Z")).setApp("streams-app").build();

        JsonNode json = AvroJson.toJson(letter);

        assertThat(json.get("key").isNull()).isTrue();
        assertThat(json.get("value").asText()).isEqualTo("b29wcw==");
        assertThat(json.get("failedAt").asText()).isEqualTo("2026-01-02T03:04:05Z");
    }
}
