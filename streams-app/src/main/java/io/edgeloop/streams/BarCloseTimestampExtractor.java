package io.edgeloop.streams;

import io.edgeloop.core.candle.BarClose;
import io.edgeloop.core.candle.SessionCalendar;
import io.edgeloop.core.candle.Timeframe;
import io.edgeloop.schemas.avro.Candle;
import io.edgeloop.schemas.mapping.CandleMapping;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.streams.processor.TimestampExtractor;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Event time of a candle record: its bar's close ({@link BarClose}), read from the payload,
 * never the record timestamp (the connector stamps records with their ingest time). The
 * calendar is the ticker's default ({@link SessionCalendar#forTicker}); reference data can only
 * refine it inside the processor, which a timestamp extractor cannot reach.
 *
 * <p>A candle whose interval or open time is unusable gets its partition's current stream time,
 * so it neither moves stream time nor is dropped here: the validation step sends it to the dead
 * letter queue with the reason. Any other value keeps its record timestamp, an input mark of
 * {@code streams.control} too (when it was written), not the mark's value: a far-future time (the
 * end of input is {@code Long.MAX_VALUE}) would become the timestamp of the task's changelog
 * records, which the broker refuses.
 */
public final class BarCloseTimestampExtractor implements TimestampExtractor {

    /** Calendars by raw ticker, so the symbol rule runs once per ticker, not per record. */
    private final Map<String, SessionCalendar> calendars = new ConcurrentHashMap<>();

    @Override
    public long extract(ConsumerRecord<Object, Object> record, long partitionTime) {
        if (record.value() instanceof Candle candle) {
            Optional<Timeframe> interval = CandleMapping.interval(candle.getInterval());
            long open = candle.getOpenTime() == null ? -1 : candle.getOpenTime().toEpochMilli();
            if (interval.isEmpty() || open <= 0 || candle.getTicker() == null) {
                return Math.max(partitionTime, 0);
            }
            try {
                return BarClose.of(open, interval.get(),
                        calendars.computeIfAbsent(candle.getTicker(), SessionCalendar::forTicker));
            } catch (IllegalArgumentException e) {
                return Math.max(partitionTime, 0);
            }
        }
        long timestamp = record.timestamp();
        return timestamp >= 0 ? timestamp : Math.max(partitionTime, 0);
    }
}
