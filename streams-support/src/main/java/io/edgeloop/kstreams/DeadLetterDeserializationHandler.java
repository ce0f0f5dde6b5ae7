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
 * {@link io.edgeloop.schemas.serde.RecordDecodingException}) never stops a task and is not lost:
 * read by a stream task, whatever its topic, it goes to {@code candles.dlq}, the loop's dead-letter
 * topic, with its bytes, headers, coordinates and the reason ({@code sourceTopic} says where it came
 * from). Kafka Streams cannot write dead letters from a global store's thread (the library and the
 * reference tables in streams-app): such a record is logged and skipped, the table keeps its previous
 * value, and Kafka Streams' {@code dropped-records} metric counts it.
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
        if (!DeadLetterRouting.global(context)) {
            LOG.warn("undecodable record {}-{}@{} sent to the dead letter queue", record.topic(), record.partition(),
                    record.offset(), exception);
            return Response.resume(List.of(DeadLetterRouting.deadLetter(record, exception, app)));
        }
        LOG.warn("undecodable record {}-{}@{} of a global store skipped", record.topic(), record.partition(),
                record.offset(), exception);
        return Response.resume();
    }
}
