package io.edgeloop.stack.logging;

import java.util.Map;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.filter.Filter;
import ch.qos.logback.core.spi.FilterReply;

/**
 * Keeps the console quiet: only WARN and above reach it (the commands print their own lines),
 * minus two warnings a healthy single-node broker logs on every start and stop, the warnings of
 * clients that retry or catch up on their own while the loop runs ({@link #RETRIED}), and events
 * marked {@link LogFiles#FILE_ONLY}. The log file still gets everything at INFO.
 */
public final class ConsoleFilter extends Filter<ILoggingEvent> {

    /** Logger name -> start of a message that is expected and harmless on one node. */
    private static final Map<String, String> BENIGN = Map.of(
            "org.apache.kafka.controller.QuorumController", "[QuorumController id=1] Performing controller activation",
            "org.apache.kafka.clients.NetworkClient", "[NodeToControllerChannelManager");

    /**
     * Logger name -> a fragment of a WARN message that the client handles itself: a produce retried
     * while the transaction coordinator finishes the previous commit, metadata of a topic created
     * a moment ago, a topic two clients created at once, a partition a consumer gave up during a
     * rebalance, Kafka Streams' notice about its global thread's exception handler.
     */
    static final Map<String, String> RETRIED = Map.of(
            "org.apache.kafka.clients.producer.internals.Sender", "Error: CONCURRENT_TRANSACTIONS",
            "org.apache.kafka.clients.NetworkClient", "UNKNOWN_TOPIC_OR_PARTITION",
            "kafka.server.DefaultAutoTopicCreationManager", "'TOPIC_ALREADY_EXISTS'",
            "org.apache.kafka.clients.consumer.internals.OffsetFetcherUtils", "as it is no longer assigned",
            "org.apache.kafka.streams.StreamsConfig", "Processing exception handler is not enabled for the GlobalThread");

    @Override
    public FilterReply decide(ILoggingEvent event) {
        if (!event.getLevel().isGreaterOrEqual(Level.WARN)) {
            return FilterReply.DENY;
        }
        if (event.getMarkerList() != null && event.getMarkerList().contains(LogFiles.FILE_ONLY)) {
            return FilterReply.DENY;
        }
        String benignStart = BENIGN.get(event.getLoggerName());
        if (event.getLevel() == Level.WARN && benignStart != null
                && event.getFormattedMessage() != null && event.getFormattedMessage().startsWith(benignStart)) {
            return FilterReply.DENY;
        }
        String retried = RETRIED.get(event.getLoggerName());
        if (event.getLevel() == Level.WARN && retried != null
                && event.getFormattedMessage() != null && event.getFormattedMessage().contains(retried)) {
            return FilterReply.DENY;
        }
        return FilterReply.NEUTRAL;
    }
}
