package io.edgeloop.resolver;

import org.apache.kafka.streams.errors.ErrorHandlerContext;
import org.apache.kafka.streams.errors.ProcessingExceptionHandler;
import org.apache.kafka.streams.processor.api.Record;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.List;
import java.util.Map;

/**
 * A record the processors refuse ({@link RejectedRecordException}: impossible prices, a key that
 * is not the record's ticker) or fail on is skipped, never retried forever: a candle goes to
 * {@code candles.dlq} with the reason, anything else is logged and counted (Kafka Streams'
 * {@code dropped-records} metric). The processors check a record before they change any state,
 * so skipping it leaves the stores consistent. Failures outside a record (a punctuation) have no
 * source record and are only logged.
 */
public final class ResolverProcessingHandler implements ProcessingExceptionHandler {

    private static final Logger LOG = LoggerFactory.getLogger(ResolverProcessingHandler.class);

    private String app = DeadLetterRouting.DEFAULT_APP;

    @Override
    public void configure(Map<String, ?> configs) {
        app = DeadLetterRouting.app(configs);
    }

    @Override
    public Response handleError(ErrorHandlerContext context, Record<?, ?> record, Exception exception) {
        String where = context.topic() + "-" + context.partition() + "@" + context.offset() + " in "
                + context.processorNodeId();
        if (DeadLetterRouting.routed(context.topic())) {
            LOG.warn("record {} sent to the dead letter queue: {}", where, exception.getMessage(), exception);
            return Response.resume(List.of(DeadLetterRouting.deadLetter(DeadLetterRouting.rawRecord(context),
                    exception, app)));
        }
        if (exception instanceof RejectedRecordException) {
            LOG.warn("record {} skipped: {}", where, exception.getMessage());
        } else {
            LOG.error("record {} skipped after an unexpected failure", where, exception);
        }
        return Response.resume();
    }
}
