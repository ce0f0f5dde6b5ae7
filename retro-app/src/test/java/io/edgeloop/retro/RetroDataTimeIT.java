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

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A run sees the bars that closed by its time, however far the consumer has read ahead: IWM's
 * daily candles and scores of late 2019 to March 2020 on one partition, NVDA's candles of 2021
 * on another. The service reads NVDA's short partition to its end before the first run (as of
 * 2020-01-03), yet no run (the last as of 2020-03-13: the scores end there, and the data clock
 * is the older of candles and scores) counts NVDA among the tickers it read. With
 * {@code retro.study.every.weeks=2} every other week's folder holds the study's files.
 */
@KafkaTest
class RetroDataTimeIT {

    private static final LocalDate FROM = LocalDate.of(2019, 10, 1);
    private static final LocalDate TO = LocalDate.of(2020, 3, 16);

    @Test
    void shouldNotLetARunSeeBarsThatClosedAfterIt(KafkaTestContext ctx) throws Exception {
        assertThat(partition("IWM")).as("the two tickers are on two partitions").isNotEqualTo(partition("NVDA"));
        try (KafkaProducer<String, SpecificRecord> producer = RetroTopicRecords.producer(ctx.bootstrapServers())) {
            for (Candle c : RetroTopicRecords.history("NVDA", LocalDate.of(2021, 1, 1), LocalDate.of(2021, 3, 31))) {
                producer.send(new ProducerRecord<>(Topics.CANDLES.name(), "NVDA", RetroTopicRecords.avro(c)));
            }
            RetroTopicRecords.sendDailyWithScores(producer, "IWM", FROM, TO);
        }
        Path reports = ctx.tempDir().resolve("reports");
        AppConfig config = AppConfig.resolve(RetroOptions.all(), new Properties(), Map.of(),
                List.of("kafka.bootstrap.servers=" + ctx.bootstrapServers(), "retro.reports.dir=" + reports,
                        "retro.study.every.weeks=2", RetroAppIT.NO_STREAMS_APP));

        try (RetroApp app = RetroApp.start(config)) {
            Await.until(() -> app.runs() >= 11, Duration.ofMinutes(2), () -> app.runs() + " runs so far");
            assertThat(app.last().result().windows().asOf()).isEqualTo(LocalDate.of(2020, 3, 13));
        }

        for (String week : List.of("2020-01-03", "2020-02-07", "2020-03-13")) {
            assertThat(Files.readString(reports.resolve(week).resolve("RETRO.md"))).as(week)
                    .contains("read from the topics (1 tickers)");
        }
        assertThat(reports.resolve("2020-01-10/FINDINGS.md")).as("week 2,610 after 1970-01-02: even").exists();
        assertThat(reports.resolve("2020-01-03/FINDINGS.md")).doesNotExist();
        assertThat(reports.resolve("2020-01-03/pattern_features.jsonl")).doesNotExist();
        assertThat(Files.readString(reports.resolve("2020-01-03/RETRO.md")))
                .contains("the study of all data is not written with this run");
        assertThat(reports.resolve("2020-01-03/proposals.jsonl")).exists();
    }

    private static int partition(String ticker) {
        return Utils.toPositive(Utils.murmur2(ticker.getBytes(StandardCharsets.UTF_8))) % Topics.CANDLES.partitions();
    }
}
