package io.edgeloop.kstreams;

import org.apache.kafka.streams.errors.ErrorHandlerContext;
import org.apache.kafka.streams.errors.ProcessingExceptionHandler;
import org.apache.kafka.streams.processor.api.Record;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.List;
import java.util.Map;

/**
 * A record the processors refuse ({@link RejectedRecordException}) or fail on is skipped, never
 * retried forever: a candle goes to {@code candles.dlq} with the reason and its coordinates,
 * anything else is logged and counted (Kafka Streams' {@code dropped-records} metric). Skipping
 * is safe because the processors check a record, and write their stores only after it was fully
 * processed. A refusal is a warning; any other exception is an error (a bug or corrupt state,
 * kept in the DLQ for a replay). A failure outside a record (a punctuation) has no source record
 * and is only logged.
 */
public final class DeadLetterProcessingHandler implements ProcessingExceptionHandler {

    private static final Logger LOG = LoggerFactory.getLogger(DeadLetterProcessingHandler.class);

    private String app = "edgeloop";

    @Override
    public void configure(Map<String, ?> configs) {
        app = DeadLetterRouting.app(configs);
    }

    @Override
    public Response handleError(ErrorHandlerContext context, Record<?, ?> record, Exception exception) {
        String where = context.topic() + "-" + context.partition() + "@" + context.offset() + " in "
                + context.processorNodeId();
        if (exception instanceof RejectedRecordException) {
            LOG.warn("record {} refused: {}", where, exception.getMessage());
        } else {
            LOG.error("record {} failed and is skipped", where, exception);
        }
        if (DeadLetterRouting.routed(context.topic())) {
            return Response.resume(List.of(DeadLetterRouting.deadLetter(DeadLetterRouting.rawRecord(context),
                    exception, app)));
        }
        return Response.resume();
    }
}
