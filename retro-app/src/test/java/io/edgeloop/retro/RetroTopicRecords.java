package io.edgeloop.retro;

import io.edgeloop.core.candle.Candle;
import io.edgeloop.core.candle.Timeframe;
import io.edgeloop.core.mining.Trail;
import io.edgeloop.core.model.ModelConfig;
import io.edgeloop.core.retro.DailyData;
import io.edgeloop.core.retro.TrailBuilder;
import io.edgeloop.core.rules.SeedPatterns;
import io.edgeloop.core.stats.BetaPrior;
import io.edgeloop.schemas.avro.ScoreSnapshot;
import io.edgeloop.schemas.topics.Topics;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.Serializer;
import org.apache.kafka.common.serialization.StringSerializer;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/** Test-only writing of the service's inputs: candles and scores through one producer. */
final class RetroTopicRecords {

    private RetroTopicRecords() {
    }

    /** A producer of candles and scores, keyed by ticker. */
    static KafkaProducer<String, SpecificRecord> producer(String bootstrap) {
        return new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ProducerConfig.ACKS_CONFIG, "all"), new StringSerializer(), new AnyRecordSerializer());
    }

    /**
     * A ticker's daily bars of the shared {@code history/} files whose dates lie in [from, to],
     * sent as candles, each followed by its score from the engine's trail over those bars, as
     * streams-app would write them; waits for the acknowledgements.
     */
    static void sendDailyWithScores(KafkaProducer<String, SpecificRecord> producer, String ticker, LocalDate from,
                                    LocalDate to) throws IOException {
        List<Candle> bars = history(ticker, from, to);
        Trail trail = new TrailBuilder(Map.of(ticker, bars), ModelConfig.defaults(), SeedPatterns.all(),
                BetaPrior.UNIFORM).trail(ticker).orElseThrow();
        for (int day = 0; day < bars.size(); day++) {
            Candle c = bars.get(day);
            producer.send(new ProducerRecord<>(Topics.CANDLES.name(), ticker, avro(c)));
            producer.send(new ProducerRecord<>(Topics.SCORES.name(), ticker, ScoreRecords.of(ticker,
                    Instant.ofEpochMilli(c.openTime()), "D", List.of(Timeframe.D1), List.of(Timeframe.W1, Timeframe.MN1),
                    trail.at(day))));
        }
        producer.flush();
    }

    /** A ticker's daily bars of the shared {@code history/} files whose dates lie in [from, to]. */
    static List<Candle> history(String ticker, LocalDate from, LocalDate to) throws IOException {
        return DailyData.load(Path.of(System.getProperty("edgeloop.data.dir")).resolve("history")).bars().get(ticker)
                .stream().filter(c -> {
                    LocalDate d = LocalDate.ofEpochDay(Math.floorDiv(c.openTime(), 86_400_000L));
                    return !d.isBefore(from) && !d.isAfter(to);
                }).toList();
    }

    /** The {@code candles} record of a core candle. */
    static io.edgeloop.schemas.avro.Candle avro(Candle c) {
        return io.edgeloop.schemas.avro.Candle.newBuilder().setTicker(c.ticker()).setInterval(c.interval().code())
                .setOpenTime(Instant.ofEpochMilli(c.openTime())).setOpen(c.open()).setHigh(c.high()).setLow(c.low())
                .setClose(c.close()).setVolume(c.volume()).setSource(c.source()).build();
    }

    /** The catalog serde of whichever record type is sent. */
    private static final class AnyRecordSerializer implements Serializer<SpecificRecord> {
        @Override
        public byte[] serialize(String topic, SpecificRecord record) {
            return record instanceof ScoreSnapshot s ? Topics.SCORES.valueSerde().serializer().serialize(topic, s)
                    : Topics.CANDLES.valueSerde().serializer().serialize(topic, (io.edgeloop.schemas.avro.Candle) record);
        }
    }
}
