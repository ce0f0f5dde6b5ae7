package io.edgeloop.streams;

import io.edgeloop.schemas.topics.Topics;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.serialization.LongSerializer;
import org.apache.kafka.common.serialization.StringSerializer;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;

/**
 * Writes candle input marks to {@code streams.control}, one record per partition (key = who
 * writes, value = the bar close time through which the candle input is complete, {@link #END}
 * for its end). Write a mark once streams-app has consumed the candles it vouches for (its
 * group's committed offsets on {@code candles} at their end): each ticker task then reads it after
 * its last candle and passes it on to breadth, which stops waiting for an ended partition at the
 * same place in the data in every run, instead of after {@code signals.breadth.idle} of wall-clock
 * silence. A partition without tickers needs the mark too: it has no other way to tell breadth it
 * holds nothing. Written earlier, a mark competes with the candles in Kafka Streams' choice of the
 * next record (by timestamp, from what it has fetched), and a task that takes it before its last
 * candles ends its partition too early: breadth waits for the partition again when they come,
 * until the next mark or the idle release.
 */
public final class CandleInputMarks {

    /** The mark for "the candle input has ended" (until the partition's next candle). */
    public static final long END = Long.MAX_VALUE;

    private CandleInputMarks() {
    }

    /**
     * Marks the end of the candle input in every partition and waits until the broker has them.
     *
     * @return the partitions marked
     */
    public static int end(String bootstrapServers, String who) {
        return mark(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers), who, END);
    }

    /**
     * Marks every partition's candle input complete through {@code through} (epoch ms of bar
     * close, or {@link #END}) and waits until the broker has the marks.
     *
     * @param producerProps producer settings (servers, security)
     * @return the partitions marked
     */
    public static int mark(Map<String, Object> producerProps, String who, long through) {
        if (who == null || who.isBlank()) {
            throw new IllegalArgumentException("a candle input mark must name who writes it");
        }
        String topic = Topics.STREAMS_CONTROL.name();
        try (KafkaProducer<String, Long> producer = new KafkaProducer<>(producerProps, new StringSerializer(),
                new LongSerializer())) {
            List<Future<RecordMetadata>> sent = new ArrayList<>();
            for (PartitionInfo p : producer.partitionsFor(topic)) {
                sent.add(producer.send(new ProducerRecord<>(topic, p.partition(), who, through)));
            }
            for (Future<RecordMetadata> f : sent) {
                f.get();
            }
            return sent.size();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while writing candle input marks", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("cannot write candle input marks to " + topic, e.getCause());
        }
    }
}
