package io.edgeloop.streams;

import org.apache.kafka.streams.errors.ErrorHandlerContext;
import org.apache.kafka.streams.errors.ProcessingExceptionHandler;
import org.apache.kafka.streams.processor.api.Record;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.List;
import java.util.Map;

/**
 * A candle the processors refuse ({@link RejectedCandleException}: a broken value rule, a key
 * that is not its ticker, a revision or a late bar) or fail on goes to {@code candles.dlq} with
 * the reason and its coordinates, and processing goes on. Skipping is safe because the ticker
 * processor writes its stores only after a candle was fully processed. A refusal is a warning;
 * any other exception is an error (a bug or corrupt state, kept in the DLQ for a replay).
 * Records of other topics are logged and skipped.
 */
public final class CandleProcessingHandler implements ProcessingExceptionHandler {

    private static final Logger LOG = LoggerFactory.getLogger(CandleProcessingHandler.class);

    private String app = DeadLetterRouting.DEFAULT_APP;

    @Override
    public void configure(Map<String, ?> configs) {
        app = DeadLetterRouting.app(configs);
    }

    @Override
    public Response handleError(ErrorHandlerContext context, Record<?, ?> record, Exception exception) {
        String where = context.topic() + "-" + context.partition() + "@" + context.offset() + " in "
                + context.processorNodeId();
        if (exception instanceof RejectedCandleException) {
            LOG.warn("candle {} rejected: {}", where, exception.getMessage());
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
