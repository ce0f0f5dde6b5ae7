package io.edgeloop.connectors;

import io.edgeloop.connectors.FeedItem.Bar;
import io.edgeloop.connectors.FeedItem.DeadRow;
import io.edgeloop.schemas.avro.Candle;
import io.edgeloop.schemas.avro.DeadLetter;
import io.edgeloop.schemas.serde.AvroSerde;
import io.edgeloop.schemas.serde.EdgeloopSerdes;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.source.SourceRecord;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;

/**
 * Turns feed items into Connect records whose bytes are the topics' contract.
 *
 * <p>Wire format. The value is the Avro single-object encoding of the record
 * ({@link EdgeloopSerdes}), built here and handed to Connect as {@link Schema#BYTES_SCHEMA}
 * bytes; the connector must run with {@code value.converter=ByteArrayConverter}, which passes
 * them through untouched, and {@code key.converter=StringConverter} (the key is the ticker as
 * UTF-8, the same bytes Kafka's String serde writes, so the default partitioner puts a ticker
 * in the same partition as the Streams apps do). Connect's own converters would write Connect's
 * schema'd JSON or need a schema registry, neither of which is the topics' contract.
 *
 * <p>Record timestamp: the ingest time (wall clock), not the bar's time. Time-based retention
 * deletes a segment once its newest timestamp is older than {@code retention.ms}; bars go back
 * to 1984, so event-time timestamps would be deleted as soon as they were written. The bar's
 * time travels in the payload ({@code openTime}), and the Streams apps read event time from
 * there with a TimestampExtractor.
 *
 * <p>Dead rows become {@link DeadLetter}s on the DLQ topic with this mapping of the file to
 * the record coordinates: {@code sourceTopic} = {@code "file:" + absolute path},
 * {@code partition} = -1 (a file has none), {@code offset} = the 0-based data row index (-1 when
 * the whole file was refused), {@code key} = the ticker (null when the file could not be read),
 * {@code value} = the raw row text as UTF-8 (null for a whole file), {@code recordTimestamp}
 * null, {@code errorClass} = {@code io.edgeloop.core.candle.RowError} for a row, else the
 * exception's class, {@code app} = the connector name.
 */
final class CandleRecords {

    private static final AvroSerde<Candle> CANDLES = EdgeloopSerdes.of(Candle.class);
    private static final AvroSerde<DeadLetter> DEAD_LETTERS = EdgeloopSerdes.of(DeadLetter.class);

    private final String topic;
    private final String dlqTopic;
    private final String app;

    CandleRecords(String topic, String dlqTopic, String app) {
        this.topic = topic;
        this.dlqTopic = dlqTopic;
        this.app = app;
    }

    /** The Avro Candle of a normalised bar. */
    static Candle avro(io.edgeloop.core.candle.Candle c) {
        return Candle.newBuilder()
                .setTicker(c.ticker())
                .setInterval(c.interval().code())
                .setOpenTime(Instant.ofEpochMilli(c.openTime()))
                .setOpen(c.open())
                .setHigh(c.high())
                .setLow(c.low())
                .setClose(c.close())
                .setVolume(c.volume())
                .setSource(c.source())
                .build();
    }

    SourceRecord candle(Bar bar, long ingestMillis) {
        return new SourceRecord(bar.partition(), bar.offset(), topic, null, Schema.STRING_SCHEMA,
                bar.candle().ticker(), Schema.BYTES_SCHEMA, CANDLES.encode(avro(bar.candle())), ingestMillis);
    }

    SourceRecord deadLetter(DeadRow row, long ingestMillis) {
        DeadLetter letter = DeadLetter.newBuilder()
                .setSourceTopic("file:" + row.file())
                .setPartition(-1)
                .setOffset(row.rowIndex())
                .setRecordTimestamp(null)
                .setKey(row.ticker() == null ? null : ByteBuffer.wrap(row.ticker().getBytes(StandardCharsets.UTF_8)))
                .setValue(row.raw() == null ? null : ByteBuffer.wrap(row.raw().getBytes(StandardCharsets.UTF_8)))
                .setReason(row.reason())
                .setErrorClass(row.errorClass())
                .setFailedAt(Instant.ofEpochMilli(ingestMillis))
                .setApp(app)
                .build();
        return new SourceRecord(row.partition(), row.offset(), dlqTopic, null, Schema.OPTIONAL_STRING_SCHEMA,
                row.ticker(), Schema.BYTES_SCHEMA, DEAD_LETTERS.encode(letter), ingestMillis);
    }
}
