package io.edgeloop.retro;

import io.edgeloop.core.candle.Candle;
import io.edgeloop.schemas.avro.ScoreSnapshot;
import io.edgeloop.schemas.topics.Topics;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.Serializer;
import org.apache.kafka.common.serialization.StringSerializer;

import java.time.Instant;
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
