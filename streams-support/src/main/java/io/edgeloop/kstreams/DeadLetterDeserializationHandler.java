package io.edgeloop.kstreams;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.streams.errors.DeserializationExceptionHandler;
import org.apache.kafka.streams.errors.ErrorHandlerContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.List;
import java.util.Map;

/**
 * A record that cannot be decoded (an unknown schema fingerprint, malformed bytes: a
 * {@link io.edgeloop.schemas.serde.RecordDecodingException}) never stops a task: an undecodable
 * candle or candle input mark ({@code streams.control}) goes to {@code candles.dlq}; any other undecodable record is logged and skipped (a table
 * keeps its previous value) and counted by Kafka Streams' {@code dropped-records} metric.
 */
public final class DeadLetterDeserializationHandler implements DeserializationExceptionHandler {

    private static final Logger LOG = LoggerFactory.getLogger(DeadLetterDeserializationHandler.class);

    private String app = "edgeloop";

    @Override
    public void configure(Map<String, ?> configs) {
        app = DeadLetterRouting.app(configs);
    }

    @Override
    public Response handleError(ErrorHandlerContext context, ConsumerRecord<byte[], byte[]> record, Exception exception) {
        if (DeadLetterRouting.routed(record.topic())) {
            LOG.warn("undecodable record {}-{}@{} sent to the dead letter queue", record.topic(), record.partition(),
                    record.offset(), exception);
            return Response.resume(List.of(DeadLetterRouting.deadLetter(record, exception, app)));
        }
        LOG.warn("undecodable record {}-{}@{} skipped", record.topic(), record.partition(), record.offset(), exception);
        return Response.resume();
    }
}
