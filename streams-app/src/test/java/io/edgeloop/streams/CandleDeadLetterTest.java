package io.edgeloop.streams;

import io.edgeloop.kstreams.RejectedRecordException;
import io.edgeloop.core.candle.Candle;
import io.edgeloop.schemas.avro.DeadLetter;
import io.edgeloop.schemas.serde.RecordDecodingException;
import io.edgeloop.schemas.topics.Topics;
import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Bad candle records go to {@code candles.dlq} with the reason and their coordinates; processing goes on. */
class CandleDeadLetterTest {

    private final List<Candle> spy = MarketData.history("SPY_60", "2025-03-03T00:00:00Z", "2025-03-05T00:00:00Z");
    private Harness harness;

    @BeforeEach
    void start() {
        harness = new Harness(ScriptedModels.cycle());
    }

    @AfterEach
    void stop() {
        harness.close();
    }

    /** Restarts the harness at-least-once, for the deserialization cases (see below). */
    private void runAtLeastOnce() {
        harness.close();
        harness = new Harness(Harness.settings().withStreams(
                java.util.Map.of(org.apache.kafka.streams.StreamsConfig.PROCESSING_GUARANTEE_CONFIG,
                        org.apache.kafka.streams.StreamsConfig.AT_LEAST_ONCE)), ScriptedModels.cycle());
    }

    /**
     * Under exactly-once the test driver drops the records a deserialization handler returns
     * (it deserializes outside its simulated transaction), so this case runs at-least-once here;
     * {@code StreamsAppIT} checks it under exactly-once on a real broker.
     */
    @Test
    void shouldDeadLetterUndecodableRecordVerbatimAndGoOn() {
        runAtLeastOnce();
        byte[] key = "SPY".getBytes(StandardCharsets.UTF_8);
        byte[] garbage = {(byte) 0xC3, 0x01, 1, 2, 3, 4, 5, 6, 7, 8, 42};
        harness.pipe(spy.get(0));
        harness.pipeRaw(key, garbage);
        harness.pipe(spy.get(1));

        List<TestRecord<String, DeadLetter>> letters = harness.dlq.readRecordsToList();
        assertThat(letters).hasSize(1);
        DeadLetter letter = letters.get(0).value();
        assertThat(letter.getSourceTopic()).isEqualTo(Topics.CANDLES.name());
        assertThat(letter.getOffset()).isEqualTo(1);
        assertThat(bytes(letter.getValue())).isEqualTo(garbage);
        assertThat(bytes(letter.getKey())).isEqualTo(key);
        assertThat(letters.get(0).key()).isEqualTo("SPY");
        assertThat(RecordDecodingException.class).isAssignableFrom(classOf(letter.getErrorClass()));
        assertThat(letter.getApp()).isEqualTo(harness.settings.applicationId());
        assertThat(harness.scores.readRecordsToList()).hasSize(2);
    }

    /** An input mark is a long (8 bytes); anything else is dead-lettered from its own topic. Run at-least-once as above. */
    @Test
    void shouldDeadLetterUndecodableInputMarkAndGoOn() {
        runAtLeastOnce();
        byte[] garbage = {1, 2, 3};
        harness.pipe(spy.get(0));
        harness.pipeRawControl("edgeloop-loop".getBytes(StandardCharsets.UTF_8), garbage);
        harness.pipe(spy.get(1));

        List<TestRecord<String, DeadLetter>> letters = harness.dlq.readRecordsToList();
        assertThat(letters).hasSize(1);
        DeadLetter letter = letters.get(0).value();
        assertThat(letter.getSourceTopic()).isEqualTo(Topics.STREAMS_CONTROL.name());
        assertThat(bytes(letter.getValue())).isEqualTo(garbage);
        assertThat(letter.getReason()).isNotBlank();
        assertThat(harness.scores.readRecordsToList()).hasSize(2);
    }

    @Test
    void shouldDeadLetterCandleWithHighBelowLowNamingTheRule() {
        Candle good = spy.get(0);
        io.edgeloop.schemas.avro.Candle broken = MarketData.avro(good);
        broken.setHigh(good.low() - 1);
        harness.pipe("SPY", broken);
        harness.pipe(spy.get(1));

        List<DeadLetter> letters = values(harness.dlq.readRecordsToList());
        assertThat(letters).singleElement().satisfies(l -> {
            assertThat(l.getReason()).contains("below low").contains("SPY 1h bar at 2025-03-03T14:30:00Z");
            assertThat(l.getErrorClass()).isEqualTo(RejectedRecordException.class.getName());
            assertThat(l.getPartition()).isZero();
            assertThat(l.getOffset()).isZero();
            assertThat(bytes(l.getValue())).isEqualTo(
                    Topics.CANDLES.valueSerde().serializer().serialize(Topics.CANDLES.name(), broken));
        });
        assertThat(harness.scores.readRecordsToList()).hasSize(1);
        assertThat(harness.tickerStates().get("SPY|1h")).isNotNull();
    }

    @Test
    void shouldDeadLetterCandleWhoseKeyIsNotItsTicker() {
        harness.pipe("QQQ", MarketData.avro(spy.get(0)));

        assertThat(values(harness.dlq.readRecordsToList())).singleElement()
                .satisfies(l -> assertThat(l.getReason()).isEqualTo("record key QQQ is not the candle's ticker SPY"));
        assertThat(harness.scores.isEmpty()).isTrue();
    }

    @Test
    void shouldDeadLetterCandleWithUnknownInterval() {
        io.edgeloop.schemas.avro.Candle odd = MarketData.avro(spy.get(0));
        odd.setInterval("7m");
        harness.pipe("SPY", odd);

        assertThat(values(harness.dlq.readRecordsToList())).singleElement()
                .satisfies(l -> assertThat(l.getReason()).startsWith("SPY: unknown interval '7m'"));
        assertThat(harness.tickerStates().approximateNumEntries()).isZero();
    }

    private static <V> List<V> values(List<TestRecord<String, V>> records) {
        return records.stream().map(TestRecord::value).toList();
    }

    private static byte[] bytes(ByteBuffer buffer) {
        ByteBuffer b = buffer.duplicate();
        byte[] out = new byte[b.remaining()];
        b.get(out);
        return out;
    }

    private static Class<?> classOf(String name) {
        try {
            return Class.forName(name);
        } catch (ClassNotFoundException e) {
            throw new AssertionError("no class " + name, e);
        }
    }
}
