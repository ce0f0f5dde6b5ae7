package io.edgeloop.admin.view;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.edgeloop.embedded.EmbeddedKafka;
import io.edgeloop.schemas.avro.Candle;
import io.edgeloop.schemas.topics.Topics;
import io.edgeloop.testsupport.KafkaTest;
import io.edgeloop.testsupport.KafkaTestContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.slf4j.LoggerFactory;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Stopping the views: their consumer closes cleanly, and a retry's wait does not hold the stop up. */
@KafkaTest
class ModelViewsIT {

    private final ListAppender<ILoggingEvent> logged = new ListAppender<>();
    private final Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);

    @BeforeEach
    void listen() {
        logged.start();
        root.addAppender(logged);
    }

    @AfterEach
    void stopListening() {
        root.detachAppender(logged);
    }

    @Test
    void shouldCloseItsConsumerWithoutAnErrorWhenStopped(KafkaTestContext kafka) throws Exception {
        KafkaClients clients = new KafkaClients(Map.of("bootstrap.servers", kafka.bootstrapServers()),
                Duration.ofSeconds(10));
        ModelViews views = ModelViews.start(clients, new ModelState(), Duration.ofSeconds(10), Clock.systemUTC());
        assertThat(views.awaitCaughtUp(Duration.ofSeconds(60))).as("caught up with the empty topics").isTrue();
        assertThat(views.current()).as("current once caught up: decisions may be checked").isTrue();

        views.close();
        assertThat(views.current()).as("current after its reader closed").isFalse();

        List<String> errors = logged.list.stream()
                .filter(e -> e.getLevel().isGreaterOrEqual(Level.ERROR) && e.getThreadName().equals("edgeloop-admin-views"))
                .map(ILoggingEvent::getFormattedMessage).toList();
        assertThat(errors).as("errors logged by the views' thread").isEmpty();
        assertThat(views.stopped()).as("the views' thread has ended").isTrue();
    }

    @Test
    void shouldSkipAndCountARecordThatDoesNotDecode(KafkaTestContext kafka) throws Exception {
        kafka.produce(Topics.MODEL_CHANGELOG.name(), List.of(Map.entry("chg-bad", "not a change")));
        KafkaClients clients = new KafkaClients(Map.of("bootstrap.servers", kafka.bootstrapServers()),
                Duration.ofSeconds(10));
        try (ModelViews views = ModelViews.start(clients, new ModelState(), Duration.ofSeconds(10), Clock.systemUTC())) {
            assertThat(views.awaitCaughtUp(Duration.ofSeconds(60))).as("caught up past the bad record").isTrue();
            io.edgeloop.testsupport.Await.until(() -> views.status().skippedRecords() == 1, Duration.ofSeconds(30),
                    () -> views.status().skippedRecords() + " records skipped");
        }
    }

    @Test
    void shouldShowATickerWhoseTopicHoldsARecordThatDoesNotDecode(KafkaTestContext kafka) {
        Candle bar = Candle.newBuilder().setTicker("XOM").setInterval("D").setOpenTime(Instant.parse("2025-04-21T00:00:00Z"))
                .setOpen(100).setHigh(102).setLow(99).setClose(101).setVolume(1000).setSource("test").build();
        var candles = Topics.CANDLES.valueSerde().serializer();
        kafka.produce(Topics.CANDLES.name(), new StringSerializer(), new ByteArraySerializer(), List.of(
                Map.entry("XOM", "not a candle".getBytes(StandardCharsets.UTF_8)),
                Map.entry("XOM", candles.serialize(Topics.CANDLES.name(), bar))));
        KafkaClients clients = new KafkaClients(Map.of("bootstrap.servers", kafka.bootstrapServers()),
                Duration.ofSeconds(10));
        try (TickerHistory history = new TickerHistory(clients, 100)) {
            assertThat(history.read("XOM").candles().get("D")).as("the bar after the bad record")
                    .extracting(TickerSeries.Bar::close).containsExactly(101.0);
            assertThat(history.read("XOM").candles().get("D")).as("read again").hasSize(1);
        }
    }

    @Test
    void shouldStopAtOnceWhileWaitingToRetryAnUnreachableCluster() {
        KafkaClients clients = new KafkaClients(Map.of("bootstrap.servers", "127.0.0.1:1"), Duration.ofMillis(500));
        ModelViews views = ModelViews.start(clients, new ModelState(), Duration.ofSeconds(1), Clock.systemUTC());
        awaitProblem(views);

        long start = System.nanoTime();
        views.close();
        Duration took = Duration.ofNanos(System.nanoTime() - start);

        assertThat(took).as("close while the views wait 2 s to retry").isLessThan(Duration.ofMillis(1_500));
        assertThat(views.stopped()).as("the views' thread has ended").isTrue();
    }

    /**
     * The README says the page disables Approve, Reject and Roll back "while the status
     * says the view is not current (loading, or stale)", and the page keys only on {@code current}.
     * When the cluster stops answering, the views' reader only times out (TimeoutException keeps the
     * reader), so {@code current} stays true while the status says stale: decisions are checked
     * against a view the cluster no longer confirms and the buttons stay enabled under the stale banner.
     */
    @Test
    void shouldNoLongerBeCurrentOnceTheClusterStopsAnsweringAndTheDataIsStale() throws Exception {
        EmbeddedKafka broker = EmbeddedKafka.builder().dataDir(Files.createTempDirectory("admin-views-stale"))
                .deleteOnClose(true).build();
        broker.start();
        try {
            broker.createTopics(ModelState.topics());
            KafkaClients clients = new KafkaClients(Map.of("bootstrap.servers", broker.bootstrapServers()),
                    Duration.ofSeconds(1));
            try (ModelViews views = ModelViews.start(clients, new ModelState(), Duration.ofSeconds(2), Clock.systemUTC())) {
                assertThat(views.awaitCaughtUp(Duration.ofSeconds(60))).as("caught up").isTrue();
                assertThat(views.current()).isTrue();

                broker.close();
                io.edgeloop.testsupport.Await.until(() -> views.status().stale() && views.status().problem() != null,
                        Duration.ofSeconds(60),
                        () -> "views status " + views.status());
                assertThat(views.status().current()).as("current while the status says stale: " + views.status())
                        .isFalse();
            }
        } finally {
            broker.close();
        }
    }

    private static void awaitProblem(ModelViews views) {
        io.edgeloop.testsupport.Await.until(() -> views.status().problem() != null
                        && !views.status().problem().equals("connecting"), Duration.ofSeconds(30),
                () -> "views status " + views.status());
    }
}
