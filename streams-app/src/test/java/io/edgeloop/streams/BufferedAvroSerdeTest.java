package io.edgeloop.streams;

import io.edgeloop.core.candle.Candle;
import io.edgeloop.schemas.avro.MarketSignal;
import io.edgeloop.schemas.avro.Prediction;
import io.edgeloop.schemas.avro.ScoreSnapshot;
import io.edgeloop.schemas.avro.Trade;
import io.edgeloop.schemas.topics.Topic;
import io.edgeloop.schemas.topics.Topics;
import io.edgeloop.schemas.serde.AvroSerde;
import org.apache.avro.Schema;
import org.apache.avro.SchemaBuilder;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.serialization.Serde;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The topology's sink serializer writes exactly the catalog serde's bytes, with the compiled writer. */
class BufferedAvroSerdeTest {

    private static final List<Candle> SPY_HOURLY = MarketData.history("SPY_60", "2025-01-01T00:00:00Z",
            "2025-07-01T00:00:00Z");

    @Test
    void shouldWriteTheCatalogBytesForEveryOutputOfARealRun() {
        try (Harness harness = RealDataTopologyTest.real()) {
            harness.pipe(SPY_HOURLY);

            List<ScoreSnapshot> scores = RealDataTopologyTest.values(harness.scores.readRecordsToList());
            List<MarketSignal> signals = RealDataTopologyTest.values(harness.signals.readRecordsToList());
            List<Prediction> predictions = RealDataTopologyTest.values(harness.predictions.readRecordsToList());
            List<Trade> trades = RealDataTopologyTest.values(harness.trades.readRecordsToList());
            assertThat(scores).hasSize(SPY_HOURLY.size());
            assertThat(predictions).isNotEmpty();
            assertThat(trades).isNotEmpty();
            assertSameBytes(Topics.SCORES, scores);
            assertSameBytes(Topics.SIGNALS, signals);
            assertSameBytes(Topics.PREDICTIONS, predictions);
            assertSameBytes(Topics.TRADES, trades);
        }
    }

    @Test
    void shouldCompileTheSchemaOfEveryOutputTopic() {
        for (Topic<String, ?> topic : List.of(Topics.SCORES, Topics.SIGNALS, Topics.PREDICTIONS, Topics.TRADES)) {
            assertThat(AvroRecordWriter.of(((AvroSerde<?>) topic.valueSerde()).schema())).as(topic.name()).isPresent();
        }
    }

    @Test
    void shouldNotCompileASchemaWithATypeItDoesNotCover() {
        Schema bytes = SchemaBuilder.record("WithBytes").fields().requiredBytes("payload").endRecord();
        assertThat(AvroRecordWriter.of(bytes)).isEmpty();
    }

    @Test
    void shouldPassATombstoneThrough() {
        assertThat(new BufferedAvroSerde<>(Topics.SCORES.valueSerde()).serializer().serialize("scores", null)).isNull();
    }

    @Test
    void shouldRefuseASerdeThatIsNotACatalogAvroSerde() {
        Serde<ScoreSnapshot> other = org.apache.kafka.common.serialization.Serdes.serdeFrom(
                (topic, value) -> new byte[0], (topic, bytes) -> null);
        assertThatThrownBy(() -> new BufferedAvroSerde<>(other))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("not a catalog Avro serde");
    }

    private static <V extends SpecificRecord> void assertSameBytes(Topic<String, V> topic, List<V> values) {
        BufferedAvroSerde<V> buffered = new BufferedAvroSerde<>(topic.valueSerde());
        for (V value : values) {
            assertThat(buffered.serializer().serialize(topic.name(), value))
                    .isEqualTo(topic.valueSerde().serializer().serialize(topic.name(), value));
        }
    }
}
