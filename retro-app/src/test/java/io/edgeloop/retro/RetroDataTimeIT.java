package io.edgeloop.retro;

import io.edgeloop.core.candle.Candle;
import io.edgeloop.core.candle.Timeframe;
import io.edgeloop.core.config.AppConfig;
import io.edgeloop.core.mining.Trail;
import io.edgeloop.core.model.ModelConfig;
import io.edgeloop.core.retro.DailyData;
import io.edgeloop.core.retro.TrailBuilder;
import io.edgeloop.core.rules.SeedPatterns;
import io.edgeloop.core.stats.BetaPrior;
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
import java.time.Instant;
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
        Map<String, List<Candle>> history = DailyData.load(Path.of(System.getProperty("edgeloop.data.dir"))
                .resolve("history")).bars();
        assertThat(partition("IWM")).as("the two tickers are on two partitions").isNotEqualTo(partition("NVDA"));
        List<Candle> iwm = between(history.get("IWM"), FROM, TO);
        List<Candle> nvda = between(history.get("NVDA"), LocalDate.of(2021, 1, 1), LocalDate.of(2021, 3, 31));
        TrailBuilder engine = new TrailBuilder(Map.of("IWM", iwm), ModelConfig.defaults(), SeedPatterns.all(),
                BetaPrior.UNIFORM);
        Trail trail = engine.trail("IWM").orElseThrow();
        try (KafkaProducer<String, SpecificRecord> producer = RetroTopicRecords.producer(ctx.bootstrapServers())) {
            for (Candle c : nvda) {
                producer.send(new ProducerRecord<>(Topics.CANDLES.name(), "NVDA", RetroTopicRecords.avro(c)));
            }
            for (int day = 0; day < iwm.size(); day++) {
                Candle c = iwm.get(day);
                producer.send(new ProducerRecord<>(Topics.CANDLES.name(), "IWM", RetroTopicRecords.avro(c)));
                producer.send(new ProducerRecord<>(Topics.SCORES.name(), "IWM", ScoreRecords.of("IWM",
                        Instant.ofEpochMilli(c.openTime()), "D", List.of(Timeframe.D1),
                        List.of(Timeframe.W1, Timeframe.MN1), trail.at(day))));
            }
            producer.flush();
        }
        Path reports = ctx.tempDir().resolve("reports");
        AppConfig config = AppConfig.resolve(RetroOptions.all(), new Properties(), Map.of(),
                List.of("kafka.bootstrap.servers=" + ctx.bootstrapServers(), "retro.reports.dir=" + reports,
                        "retro.study.every.weeks=2"));

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

    private static List<Candle> between(List<Candle> bars, LocalDate from, LocalDate to) {
        return bars.stream().filter(c -> {
            LocalDate d = LocalDate.ofEpochDay(Math.floorDiv(c.openTime(), 86_400_000L));
            return !d.isBefore(from) && !d.isAfter(to);
        }).toList();
    }
}
