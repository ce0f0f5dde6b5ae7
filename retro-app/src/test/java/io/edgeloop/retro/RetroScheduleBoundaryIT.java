package io.edgeloop.retro;

import io.edgeloop.core.candle.Candle;
import io.edgeloop.core.config.AppConfig;
import io.edgeloop.schemas.topics.Topics;
import io.edgeloop.testsupport.Await;
import io.edgeloop.testsupport.KafkaTest;
import io.edgeloop.testsupport.KafkaTestContext;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.utils.Utils;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The data clock at a run's scheduled instant (its own class: one broker per test class, and the
 * topics must hold only this test's candles).
 */
@KafkaTest
class RetroScheduleBoundaryIT {

    private static final LocalDate FROM = LocalDate.of(2019, 10, 1);

    /**
     * The run as of T sees every bar that closed by T, including those that closed at T exactly
     * (the gate lets them through, {@code time <= horizon}). But the schedule fires as soon as
     * stream time reaches T ({@code !nextRun.isAfter(now)} in {@code RetroApp.schedule}), i.e.
     * right after the first record dated T on the slowest partition, while other records dated T
     * on that partition (other tickers' bars closing at the same instant) are still unread. Which
     * of them the run sees then depends on where a poll's batch ends. Here: schedule
     * {@code FRI 21:00} (a US daily bar closes at 21:00 UTC in winter; the default 21:15 is the
     * close of every 5m/15m crypto bar), IWM's daily candles from 2019-10-01 and, on the same
     * partition right after IWM's bar of Friday 2020-01-03, another ticker's bar of that Friday;
     * one record per poll puts the batch edge between the two. The run as of 2020-01-03 reads one
     * ticker, not two.
     */
    @Test
    void shouldGiveTheRunEveryBarThatClosedAtItsScheduledInstant(KafkaTestContext ctx) throws Exception {
        LocalDate friday = LocalDate.of(2020, 1, 3);
        String other = IntStream.range(0, 1_000).mapToObj(i -> "MATE" + i)
                .filter(t -> partition(t) == partition("IWM")).findFirst().orElseThrow();
        try (KafkaProducer<String, SpecificRecord> producer = RetroTopicRecords.producer(ctx.bootstrapServers())) {
            for (Candle c : RetroTopicRecords.history("IWM", FROM, LocalDate.of(2020, 1, 10))) {
                producer.send(new ProducerRecord<>(Topics.CANDLES.name(), "IWM", RetroTopicRecords.avro(c)));
                if (LocalDate.ofEpochDay(Math.floorDiv(c.openTime(), 86_400_000L)).equals(friday)) {
                    // the connector sends bars by close time: both close at 2020-01-03T21:00Z
                    Candle mate = new Candle(other, c.interval(), c.openTime(), 50, 51, 49, 50.5, 1e6, "test");
                    producer.send(new ProducerRecord<>(Topics.CANDLES.name(), other, RetroTopicRecords.avro(mate)));
                }
            }
            producer.flush();
        }
        Path reports = ctx.tempDir().resolve("reports");
        AppConfig config = AppConfig.resolve(RetroOptions.all(), new Properties(), Map.of(),
                List.of("kafka.bootstrap.servers=" + ctx.bootstrapServers(), "retro.reports.dir=" + reports,
                        "retro.schedule=FRI 21:00", "kafka.max.poll.records=1", RetroAppIT.NO_STREAMS_APP));

        try (RetroApp app = RetroApp.start(config)) {
            Await.until(() -> app.runs() >= 2, Duration.ofMinutes(2), () -> app.runs() + " runs so far");
        }

        assertThat(Files.readString(reports.resolve("2020-01-03").resolve("RETRO.md")))
                .as("IWM's and %s's bars of 2020-01-03 both closed at the run's instant, 21:00 UTC", other)
                .contains("read from the topics (2 tickers)");
    }

    private static int partition(String ticker) {
        return Utils.toPositive(Utils.murmur2(ticker.getBytes(StandardCharsets.UTF_8))) % Topics.CANDLES.partitions();
    }
}
