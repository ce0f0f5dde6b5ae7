package io.edgeloop.resolver;

import io.edgeloop.schemas.avro.Candle;
import io.edgeloop.schemas.avro.Prediction;
import io.edgeloop.schemas.avro.Trade;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.streams.processor.TimestampExtractor;

/**
 * Event time of the resolver's inputs, so stream time is market time and never the wall clock:
 * a candle's open time, a prediction's bar time, a trade's time, a resolve request's as-of time
 * (a request without one keeps its partition's time, never its wall-clock record timestamp).
 * Any other record (the governance topics, whose times are operator decisions) keeps its record
 * timestamp; a record without one gets the partition's time.
 */
public final class EventTimeExtractor implements TimestampExtractor {

    @Override
    public long extract(ConsumerRecord<Object, Object> record, long partitionTime) {
        Object value = record.value();
        if (value instanceof Candle candle) {
            return candle.getOpenTime().toEpochMilli();
        }
        if (value instanceof Prediction prediction) {
            return prediction.getBarTime().toEpochMilli();
        }
        if (value instanceof Trade trade) {
            return trade.getTime().toEpochMilli();
        }
        if (value instanceof Long asOf) {
            return asOf > 0 ? asOf : Math.max(partitionTime, 0);
        }
        long timestamp = record.timestamp();
        return timestamp >= 0 ? timestamp : Math.max(partitionTime, 0);
    }
}
