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
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The topology's outputs of a real run, written by the catalog serde (its compiled writer), are
 * the bytes of Avro's own single-object encoder: real snapshots have null indicators, every frame
 * of the profile and matched patterns, which the schema samples do not all cover.
 */
class OutputEncodingTest {

    private static final List<Candle> SPY_HOURLY = MarketData.history("SPY_60", "2025-01-01T00:00:00Z",
            "2025-07-01T00:00:00Z");

    @Test
    void shouldWriteAvrosOwnBytesForEveryOutputOfARealRun() throws IOException {
        try (Harness harness = RealDataTopologyTest.real()) {
            harness.pipe(SPY_HOURLY);

            List<ScoreSnapshot> scores = RealDataTopologyTest.values(harness.scores.readRecordsToList());
            List<MarketSignal> signals = RealDataTopologyTest.values(harness.signals.readRecordsToList());
            List<Prediction> predictions = RealDataTopologyTest.values(harness.predictions.readRecordsToList());
            List<Trade> trades = RealDataTopologyTest.values(harness.trades.readRecordsToList());
            assertThat(scores).hasSize(SPY_HOURLY.size());
            assertThat(scores).anySatisfy(s -> assertThat(s.getPnlPct()).isNull());
            assertThat(predictions).isNotEmpty();
            assertThat(trades).isNotEmpty();
            assertAvroBytes(Topics.SCORES, scores);
            assertAvroBytes(Topics.SIGNALS, signals);
            assertAvroBytes(Topics.PREDICTIONS, predictions);
            assertAvroBytes(Topics.TRADES, trades);
        }
    }

    private static <V extends SpecificRecord> void assertAvroBytes(Topic<String, V> topic, List<V> values)
            throws IOException {
        for (V value : values) {
            BinaryMessageEncoder<V> avro = new BinaryMessageEncoder<>(SpecificData.getForClass(value.getClass()),
                    value.getSchema());
            ByteArrayOutputStream expected = new ByteArrayOutputStream();
            avro.encode(value, expected);
            assertThat(topic.valueSerde().serializer().serialize(topic.name(), value))
                    .as(topic.name()).isEqualTo(expected.toByteArray());
        }
    }
}
