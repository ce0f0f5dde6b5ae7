package io.edgeloop.stack.logging;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.LoggingEvent;
import ch.qos.logback.core.spi.FilterReply;

class ConsoleFilterTest {

    private final LoggerContext context = new LoggerContext();
    private final ConsoleFilter filter = new ConsoleFilter();

    private FilterReply decide(String logger, Level level, String message) {
        return filter.decide(new LoggingEvent("test", context.getLogger(logger), level, message, null, null));
    }

    @Test
    void shouldKeepInfoOffTheConsole() {
        assertThat(decide("kafka.server.BrokerServer", Level.INFO, "Transition to STARTED")).isEqualTo(FilterReply.DENY);
    }

    @Test
    void shouldShowWarningsAndErrors() {
        assertThat(decide("kafka.log.LogManager", Level.WARN, "disk almost full")).isEqualTo(FilterReply.NEUTRAL);
        assertThat(decide("io.edgeloop.embedded.EmbeddedKafka", Level.ERROR, "failed")).isEqualTo(FilterReply.NEUTRAL);
    }

    @Test
    void shouldHideTheControllerActivationWarningEverySingleNodeLogs() {
        assertThat(decide("org.apache.kafka.controller.QuorumController", Level.WARN,
                "[QuorumController id=1] Performing controller activation. The metadata log appears to be empty."))
                .isEqualTo(FilterReply.DENY);
        assertThat(decide("org.apache.kafka.controller.QuorumController", Level.WARN, "[QuorumController id=1] fenced"))
                .isEqualTo(FilterReply.NEUTRAL);
    }

    @Test
    void shouldKeepFileOnlyEventsOffTheConsole() {
        LoggingEvent event = new LoggingEvent("test", context.getLogger("io.edgeloop.stack"), Level.ERROR,
                "command failed", null, null);
        event.addMarker(LogFiles.FILE_ONLY);

        assertThat(filter.decide(event)).isEqualTo(FilterReply.DENY);
    }

    @Test
    void shouldHideProduceRetriesWhileATransactionCommitsButNotOtherProduceErrors() {
        String sender = "org.apache.kafka.clients.producer.internals.Sender";
        assertThat(decide(sender, Level.WARN, "[Producer clientId=x] Got error produce response with correlation id 528 on "
                + "topic-partition outcomes-1, retrying (2147483646 attempts left). Error: CONCURRENT_TRANSACTIONS"))
                .isEqualTo(FilterReply.DENY);
        assertThat(decide(sender, Level.WARN, "[Producer clientId=x] Got error produce response with correlation id 529 on "
                + "topic-partition outcomes-3, retrying (2147483646 attempts left). Error: OUT_OF_ORDER_SEQUENCE_NUMBER"))
                .isEqualTo(FilterReply.NEUTRAL);
        assertThat(decide(sender, Level.ERROR, "Error: CONCURRENT_TRANSACTIONS")).isEqualTo(FilterReply.NEUTRAL);
    }

    @Test
    void shouldHideMetadataWarningsOfTopicsCreatedAMomentAgo() {
        assertThat(decide("org.apache.kafka.clients.NetworkClient", Level.WARN, "[Consumer clientId=x] The metadata response "
                + "from the cluster reported a recoverable issue with correlation id 2 : {t=UNKNOWN_TOPIC_OR_PARTITION}"))
                .isEqualTo(FilterReply.DENY);
    }
}
