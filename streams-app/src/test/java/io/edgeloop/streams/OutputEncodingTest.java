package io.edgeloop.streams;

import io.edgeloop.core.candle.Candle;
import io.edgeloop.schemas.avro.MarketSignal;
import io.edgeloop.schemas.avro.Prediction;
import io.edgeloop.schemas.avro.ScoreSnapshot;
import io.edgeloop.schemas.avro.Trade;
import io.edgeloop.schemas.topics.Topic;
import io.edgeloop.schemas.topics.Topics;
import org.apache.avro.message.BinaryMessageEncoder;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.streams.TestOutputTopic;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The bytes the topology wrote in a real run are the bytes of Avro's own single-object encoder for
 * the records they decode to: the scores and ticker signals are encoded straight from the model
 * step ({@link SnapshotEncoding}, {@link TickerSignals#encode}), the rest by the catalog serde's
 * compiled writer. Real snapshots have null indicators, every frame of the profile and matched
 * patterns, which the schema samples do not all cover.
 */
class OutputEncodingTest {

    private static final List<Candle> SPY_HOURLY = MarketData.history("SPY_60", "2025-01-01T00:00:00Z",
            "2025-07-01T00:00:00Z");

    @Test
    void shouldWriteAvrosOwnBytesForEveryOutputOfARealRun() throws IOException {
        try (Harness harness = RealDataTopologyTest.real()) {
            harness.pipe(SPY_HOURLY);

            List<ScoreSnapshot> scores = assertAvroBytes(harness, Topics.SCORES);
            List<MarketSignal> signals = assertAvroBytes(harness, Topics.SIGNALS);
            List<Prediction> predictions = assertAvroBytes(harness, Topics.PREDICTIONS);
            List<Trade> trades = assertAvroBytes(harness, Topics.TRADES);
            assertThat(scores).hasSize(SPY_HOURLY.size());
            assertThat(scores).anySatisfy(s -> assertThat(s.getPnlPct()).isNull());
            assertThat(signals).isNotEmpty();
            assertThat(predictions).isNotEmpty();
            assertThat(trades).isNotEmpty();
        }
    }

    /** Reads the topic's records as written, checks each against Avro's encoding of its value, returns the values. */
    private static <V extends SpecificRecord> List<V> assertAvroBytes(Harness harness, Topic<String, V> topic)
            throws IOException {
        List<V> values = new ArrayList<>();
        TestOutputTopic<String, byte[]> raw = harness.driver.createOutputTopic(topic.name(),
                topic.keySerde().deserializer(), new ByteArrayDeserializer());
        for (byte[] written : raw.readValuesToList()) {
            V value = topic.valueSerde().deserializer().deserialize(topic.name(), written);
            BinaryMessageEncoder<V> avro = new BinaryMessageEncoder<>(SpecificData.getForClass(value.getClass()),
                    value.getSchema());
            ByteArrayOutputStream expected = new ByteArrayOutputStream();
            avro.encode(value, expected);
            assertThat(written).as(topic.name() + " record " + values.size()).isEqualTo(expected.toByteArray());
            values.add(value);
        }
        return values;
    }
}
