package io.edgeloop.retro;

import io.edgeloop.core.candle.Candle;
import io.edgeloop.core.candle.Timeframe;
import io.edgeloop.core.config.AppConfig;
import io.edgeloop.schemas.topics.Topics;
import io.edgeloop.testsupport.Await;
import io.edgeloop.testsupport.KafkaTest;
import io.edgeloop.testsupport.KafkaTestContext;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** A candle streams-app dead-letters does not steer the service (its own class: one broker per test class). */
@KafkaTest
class RetroBadCandleIT {

    /**
     * IWM's daily candles from 2019-10-01 to 2020-01-14 with their scores, and one candle of
     * another ticker stamped at the epoch-0 placeholder (streams-app's {@code CandleValidator}
     * rejects an open time before 1970-01-02 and dead-letters it). The service takes it as data:
     * it becomes the first data time, so the first run is not "once the data spans the lookback"
     * (2020-01-03) but 1970-04-03, and the service runs, writes a folder for and marks done every
     * week from 1970 to 2020 on an empty book. Two runs are due.
     */
    @Test
    void shouldNotRunWeeksBeforeTheDataBecauseOfAnEpochZeroCandle(KafkaTestContext ctx) throws Exception {
        try (KafkaProducer<String, SpecificRecord> producer = RetroTopicRecords.producer(ctx.bootstrapServers())) {
            RetroTopicRecords.sendDailyWithScores(producer, "IWM", LocalDate.of(2019, 10, 1), LocalDate.of(2020, 1, 14));
            Candle misdated = new Candle("NVDA", Timeframe.D1, 0, 100, 101, 99, 100, 1e6, "test");
            producer.send(new ProducerRecord<>(Topics.CANDLES.name(), "NVDA", RetroTopicRecords.avro(misdated)));
            producer.flush();
        }
        Path reports = ctx.tempDir().resolve("reports");
        AppConfig config = AppConfig.resolve(RetroOptions.all(), new Properties(), Map.of(),
                List.of("kafka.bootstrap.servers=" + ctx.bootstrapServers(), "retro.reports.dir=" + reports,
                        RetroAppIT.NO_STREAMS_APP));

        try (RetroApp app = RetroApp.start(config)) {
            Await.until(() -> app.runs() >= 2, Duration.ofMinutes(2), () -> app.runs() + " runs so far");
            Thread.sleep(5_000);
        }

        try (Stream<Path> weeks = Files.list(reports)) {
            assertThat(weeks.map(p -> p.getFileName().toString()).sorted().toList())
                    .as("the weeks the data reaches: IWM's bars end 2020-01-14")
                    .containsExactly("2020-01-03", "2020-01-10");
        }
    }
}
