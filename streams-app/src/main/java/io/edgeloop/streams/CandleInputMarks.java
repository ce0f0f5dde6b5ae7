package io.edgeloop.streams;

import io.edgeloop.schemas.topics.Topics;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ListOffsetsOptions;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.IsolationLevel;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.serialization.LongSerializer;
import org.apache.kafka.common.serialization.StringSerializer;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;

/**
 * Writes candle input marks to {@code streams.control}, one record per partition (key = who
 * writes, value = the bar close time through which the candle input is complete, {@link #END}
 * for its end). Each ticker task passes its partition's mark on to breadth, which stops waiting
 * for an ended partition at the same place in the data in every run, instead of after
 * {@code signals.breadth.idle} of wall-clock silence. A partition without tickers needs the mark
 * too: it has no other way to tell breadth it holds nothing.
 *
 * <p>Each mark carries, in its {@value #CANDLES_OFFSET_HEADER} header, the end offset of its
 * {@code candles} partition when it was written (the offset after the last candle it vouches
 * for, read committed, 8 bytes big-endian). The ticker task holds a mark until it has taken the
 * candles before that offset, so a mark never overtakes them: not when it is written while
 * streams-app is still behind, and not when a new application id reprocesses old candles with
 * old marks in the topic. That is what lets streams-app run with {@code max.task.idle.ms} -1 (no
 * waiting for an empty partition, whose check Kafka Streams pays per record). A mark without the
 * header (written by an older tool) is passed on as soon as it is read.
 */
public final class CandleInputMarks {

    /** The mark for "the candle input has ended" (until the partition's next candle). */
    public static final long END = Long.MAX_VALUE;

    /** Header of a mark: the end offset of its {@code candles} partition when it was written. */
    public static final String CANDLES_OFFSET_HEADER = "edgeloop.candles.offset";

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
     * close, or {@link #END}), each vouching for its {@code candles} partition up to its current
     * end, and waits until the broker has the marks.
     *
     * @param producerProps producer settings (servers, security); the admin client that reads the
     *                      candle end offsets gets those of them it knows
     * @return the partitions marked
     */
    public static int mark(Map<String, Object> producerProps, String who, long through) {
        if (who == null || who.isBlank()) {
            throw new IllegalArgumentException("a candle input mark must name who writes it");
        }
        String topic = Topics.STREAMS_CONTROL.name();
        try (KafkaProducer<String, Long> producer = new KafkaProducer<>(producerProps, new StringSerializer(),
                new LongSerializer())) {
            Map<Integer, Long> ends = candleEnds(producerProps);
            List<Future<RecordMetadata>> sent = new ArrayList<>();
            for (PartitionInfo p : producer.partitionsFor(topic)) {
                ProducerRecord<String, Long> mark = new ProducerRecord<>(topic, p.partition(), who, through);
                Long end = ends.get(p.partition());
                if (end != null) {
                    mark.headers().add(CANDLES_OFFSET_HEADER, ByteBuffer.allocate(Long.BYTES).putLong(end).array());
                }
                sent.add(producer.send(mark));
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

    /**
     * The offset a mark vouches for: its {@value #CANDLES_OFFSET_HEADER} header, or -1 when it has
     * none (pass it on at once).
     *
     * @throws IllegalArgumentException when the header is not 8 bytes
     */
    static long vouchedOffset(Headers headers) {
        Header header = headers.lastHeader(CANDLES_OFFSET_HEADER);
        if (header == null) {
            return -1;
        }
        byte[] value = header.value();
        if (value == null || value.length != Long.BYTES) {
            throw new IllegalArgumentException("header " + CANDLES_OFFSET_HEADER + " must hold an 8-byte offset, has "
                    + (value == null ? "none" : value.length + " bytes"));
        }
        return ByteBuffer.wrap(value).getLong();
    }

    /** The end offset (read committed) of every {@code candles} partition. */
    private static Map<Integer, Long> candleEnds(Map<String, Object> producerProps)
            throws InterruptedException, ExecutionException {
        Map<String, Object> adminProps = new HashMap<>();
        producerProps.forEach((k, v) -> {
            if (AdminClientConfig.configNames().contains(k)) {
                adminProps.put(k, v);
            }
        });
        try (Admin admin = Admin.create(adminProps)) {
            String candles = Topics.CANDLES.name();
            int partitions = admin.describeTopics(List.of(candles)).allTopicNames().get().get(candles).partitions().size();
            Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
            for (int p = 0; p < partitions; p++) {
                latest.put(new TopicPartition(candles, p), OffsetSpec.latest());
            }
            Map<Integer, Long> ends = new HashMap<>();
            admin.listOffsets(latest, new ListOffsetsOptions(IsolationLevel.READ_COMMITTED)).all().get()
                    .forEach((tp, info) -> ends.put(tp.partition(), info.offset()));
            return ends;
        }
    }
}
