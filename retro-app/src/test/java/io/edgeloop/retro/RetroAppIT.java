package io.edgeloop.retro;

import io.edgeloop.core.candle.Candle;
import io.edgeloop.core.candle.Timeframe;
import io.edgeloop.core.mining.Trail;
import io.edgeloop.core.model.ModelConfig;
import io.edgeloop.core.retro.RetroConfig;
import io.edgeloop.core.retro.RetroResult;
import io.edgeloop.core.retro.Retrospective;
import io.edgeloop.core.retro.TrailBuilder;
import io.edgeloop.core.rules.SeedPatterns;
import io.edgeloop.core.config.AppConfig;
import io.edgeloop.core.retro.DailyData;
import io.edgeloop.core.retro.Evidence;
import io.edgeloop.core.retro.Proposal;
import io.edgeloop.core.retro.ProposalKind;
import io.edgeloop.core.retro.Severity;
import io.edgeloop.core.stats.BetaPrior;
import io.edgeloop.schemas.avro.ChangeStatus;
import io.edgeloop.schemas.avro.ModelChange;
import io.edgeloop.schemas.topics.Topics;
import io.edgeloop.testsupport.Await;
import io.edgeloop.testsupport.KafkaTest;
import io.edgeloop.testsupport.KafkaTestContext;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.IsolationLevel;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The service against a real broker: the daily candles of the long histories from October 2019
 * to 2020-03-16 are replayed into {@code candles}, with the engine's snapshots of them in
 * {@code scores}; on the data clock the retrospective runs every Friday from the first one after
 * a full lookback, flags the crash in the run of 2020-02-28, leaves alone a change the changelog
 * already holds (an operator rejected the 2020-03-06 alert), and its last run proposes exactly
 * what the same code proposes on the same candles without a broker.
 */
@KafkaTest
class RetroAppIT {

    /** The test writes the scores itself: no streams-app to wait for. */
    static final String NO_STREAMS_APP = RetroOptions.STREAMS_APPLICATION_ID.name() + "=";

    private static final LocalDate FROM = LocalDate.of(2019, 10, 1);
    private static final LocalDate TO = LocalDate.of(2020, 3, 16);
    private static final String REJECTED = "retro-2020-03-06-regime_alert-market";

    @Test
    void shouldPublishTheCrashAlertOnTheDataClockAndNotOverwriteADecidedChange(KafkaTestContext ctx) throws Exception {
        Map<String, List<Candle>> bars = new TreeMap<>();
        for (String folder : List.of("history", "etf-daily")) {
            DailyData data = DailyData.load(Path.of(System.getProperty("edgeloop.data.dir")).resolve(folder));
            data.bars().forEach((ticker, series) -> bars.merge(ticker, series.stream().filter(RetroAppIT::inRange)
                    .toList(), (a, b) -> a.size() >= b.size() ? a : b));
        }
        TrailBuilder engine = new TrailBuilder(bars, ModelConfig.defaults(), SeedPatterns.all(), BetaPrior.UNIFORM);
        try (KafkaProducer<String, SpecificRecord> producer = RetroTopicRecords.producer(ctx.bootstrapServers())) {
            bars.forEach((ticker, series) -> {
                Trail trail = engine.trail(ticker).orElseThrow();
                for (int day = 0; day < series.size(); day++) {
                    Candle c = series.get(day);
                    producer.send(new ProducerRecord<>(Topics.CANDLES.name(), ticker, RetroTopicRecords.avro(c)));
                    producer.send(new ProducerRecord<>(Topics.SCORES.name(), ticker, ScoreRecords.of(ticker,
                            Instant.ofEpochMilli(c.openTime()), "D", List.of(Timeframe.D1),
                            List.of(Timeframe.W1, Timeframe.MN1), trail.at(day))));
                }
            });
            producer.flush();
        }
        ModelChange rejected = ModelChange.newBuilder(ChangeRecords.toAvro(new Proposal(REJECTED,
                        ProposalKind.REGIME_ALERT, null, "decided earlier", Severity.HIGH,
                        new Evidence(0, null, null, null, null, null, null, null, null, null, null, Map.of()),
                        Optional.empty()), Instant.parse("2020-03-06T21:15:00Z"), BetaPrior.UNIFORM))
                .setStatus(ChangeStatus.REJECTED).build();
        ctx.produce(Topics.MODEL_CHANGELOG.name(), new StringSerializer(), Topics.MODEL_CHANGELOG.valueSerde().serializer(),
                List.of(Map.entry(REJECTED, rejected)));
        Path reports = ctx.tempDir().resolve("reports");
        AppConfig config = AppConfig.resolve(RetroOptions.all(), new Properties(), Map.of(),
                List.of("kafka.bootstrap.servers=" + ctx.bootstrapServers(), "retro.reports.dir=" + reports,
                        NO_STREAMS_APP));

        try (RetroApp app = RetroApp.start(config)) {
            Await.until(() -> app.runs() >= 11, Duration.ofMinutes(3),
                    () -> app.runs() + " runs so far, the last as of "
                            + (app.last() == null ? "none" : app.last().result().windows().asOf()));
            RetroResult service = app.last().result();
            assertThat(service.windows().asOf()).isEqualTo(LocalDate.of(2020, 3, 13));
            assertThat(service.trails()).as("trails from the scores topic").isEqualTo(bars.size());
            RetroResult files = Retrospective.defaults(RetroConfig.defaults()).run(bars, t -> null, engine,
                    SeedPatterns.all(), Optional.of(LocalDate.of(2020, 3, 13)));
            assertThat(service.proposals()).as("the service and the command agree").isEqualTo(files.proposals());
            assertThat(service.rescoring()).isEqualTo(files.rescoring());
            assertThat(service.sample()).hasSameSizeAs(files.sample()).isNotEmpty();
        }

        List<ConsumerRecord<String, ModelChange>> changelog = ctx.consumeUntil(Topics.MODEL_CHANGELOG.name(), 2,
                Duration.ofSeconds(30), new StringDeserializer(), Topics.MODEL_CHANGELOG.valueSerde().deserializer());
        ModelChange crash = changelog.stream().filter(r -> r.key().equals("retro-2020-02-28-regime_alert-market"))
                .map(ConsumerRecord::value).findFirst().orElseThrow();
        assertThat(crash.getStatus()).isEqualTo(ChangeStatus.PROPOSED);
        assertThat(crash.getProposedAt()).isEqualTo(Instant.parse("2020-02-28T21:15:00Z"));
        assertThat(crash.getEvidence().getRecentRate()).isLessThan(0.35);
        assertThat(changelog.stream().filter(r -> r.key().equals(REJECTED)).map(r -> r.value().getStatus()))
                .containsExactly(ChangeStatus.REJECTED);
        assertThat(reports.resolve("2020-02-28").resolve("RETRO.md")).exists();
        assertThat(reports.resolve("2020-01-03").resolve("proposals.jsonl")).exists();
        assertThat(reports.resolve("2019-12-27")).as("the lookback was not full yet").doesNotExist();

        // A restart reads the topics from their start again: the weeks that ran are skipped, so
        // their reports stay as they were and nothing is published again.
        Path report = reports.resolve("2020-02-28").resolve("RETRO.md");
        String before = Files.readString(report);
        FileTime written = Files.getLastModifiedTime(report);
        long changes = ctx.endOffsetSum(Topics.MODEL_CHANGELOG, IsolationLevel.READ_UNCOMMITTED);
        try (RetroApp app = RetroApp.start(config)) {
            Await.until(() -> app.skipped() >= 11, Duration.ofMinutes(3), () -> app.skipped() + " weeks skipped so far");
            assertThat(app.runs()).isZero();
        }
        assertThat(Files.readString(report)).isEqualTo(before);
        assertThat(Files.getLastModifiedTime(report)).isEqualTo(written);
        assertThat(ctx.endOffsetSum(Topics.MODEL_CHANGELOG, IsolationLevel.READ_UNCOMMITTED)).isEqualTo(changes);

        Path notAFolder = Files.writeString(ctx.tempDir().resolve("reports-file"), "a file, not a folder");
        AppConfig failing = AppConfig.resolve(RetroOptions.all(), new Properties(), Map.of(),
                List.of("kafka.bootstrap.servers=" + ctx.bootstrapServers(), "retro.reports.dir=" + notAFolder,
                        NO_STREAMS_APP));
        try (RetroApp app = RetroApp.start(failing)) {
            Await.until(() -> app.failure().isPresent(), Duration.ofMinutes(2),
                    () -> app.runs() + " runs and no failure");
            assertThat(app.failure().get()).as("the first run cannot write its reports").isInstanceOf(IOException.class);
            assertThat(app.runs()).isZero();
        }
    }

    private static boolean inRange(Candle c) {
        LocalDate d = LocalDate.ofEpochDay(Math.floorDiv(c.openTime(), 86_400_000L));
        return !d.isBefore(FROM) && !d.isAfter(TO);
    }
}
