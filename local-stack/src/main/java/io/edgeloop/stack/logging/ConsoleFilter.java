package io.edgeloop.stack.logging;

import java.util.Map;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.filter.Filter;
import ch.qos.logback.core.spi.FilterReply;

/**
 * Keeps the console quiet: only WARN and above reach it (the commands print their own lines),
 * minus two warnings a healthy single-node broker logs on every start and stop and events marked
 * {@link LogFiles#FILE_ONLY}. The log file still gets everything at INFO.
 */
public final class ConsoleFilter extends Filter<ILoggingEvent> {

    /** Logger name -> start of a message that is expected and harmless on one node. */
    private static final Map<String, String> BENIGN = Map.of(
            "org.apache.kafka.controller.QuorumController", "[QuorumController id=1] Performing controller activation",
            "org.apache.kafka.clients.NetworkClient", "[NodeToControllerChannelManager");

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
        return FilterReply.NEUTRAL;
    }
}
