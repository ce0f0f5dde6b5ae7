package io.edgeloop.kstreams;

import org.apache.kafka.streams.errors.ErrorHandlerContext;
import org.apache.kafka.streams.errors.ProcessingExceptionHandler;
import org.apache.kafka.streams.processor.api.Record;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.List;
import java.util.Map;

/**
 * A record a processor refuses ({@link RejectedRecordException}: checked before any state changed,
 * or rolled back by the processor) is skipped, never retried forever: a candle goes to
 * {@code candles.dlq} with the reason and its coordinates, anything else is logged and counted
 * (Kafka Streams' {@code dropped-records} metric). Any other exception means the processor may have
 * stopped halfway through the record, with some of its store writes and outputs done: the task
 * fails, so exactly-once aborts its transaction and nothing of the record commits; the app then
 * stops with the error (its uncaught-exception handler) and resumes from the last commit when it is
 * started again. A failure outside a record (a punctuation) has no source record and is only logged.
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
        if (!(exception instanceof RejectedRecordException)) {
            LOG.error("record {} failed part way; the task stops so that its transaction aborts", where, exception);
            return Response.fail();
        }
        LOG.warn("record {} refused: {}", where, exception.getMessage());
        if (DeadLetterRouting.routed(context.topic())) {
            return Response.resume(List.of(DeadLetterRouting.deadLetter(DeadLetterRouting.rawRecord(context),
                    exception, app)));
        }
        return Response.resume();
    }
}
