package io.edgeloop.retro;

import io.edgeloop.core.config.AppConfig;
import io.edgeloop.schemas.topics.Topics;
import io.edgeloop.testsupport.Await;
import io.edgeloop.testsupport.KafkaTest;
import io.edgeloop.testsupport.KafkaTestContext;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
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

/** No run publishes while the changelog holds a record this build cannot decode (its own class: one broker per test class). */
@KafkaTest
class RetroChangelogHoldIT {

    private static final String ID = "retro-2019-12-27-regime_alert-market";

    /**
     * A changelog record written with a schema this build does not know (a keeper one release
     * ahead during a rolling upgrade): its id is known from the key, but what it says is not, so
     * the due runs wait (nothing published, no week marked done) until a later record under that
     * id, here a tombstone, supersedes it; then both weeks run.
     */
    @Test
    void shouldHoldTheRunsWhileTheChangelogHoldsARecordItCannotDecode(KafkaTestContext ctx) throws Exception {
        try (KafkaProducer<String, SpecificRecord> producer = RetroTopicRecords.producer(ctx.bootstrapServers())) {
            RetroTopicRecords.sendDailyWithScores(producer, "IWM", LocalDate.of(2019, 10, 1), LocalDate.of(2020, 1, 14));
        }
        // single-object encoding: the 0xC3 0x01 marker, then a schema fingerprint no build of this one knows
        byte[] unknownSchema = {(byte) 0xC3, 0x01, 1, 2, 3, 4, 5, 6, 7, 8, 0};
        send(ctx, unknownSchema);
        Path reports = ctx.tempDir().resolve("reports");
        AppConfig config = AppConfig.resolve(RetroOptions.all(), new Properties(), Map.of(),
                List.of("kafka.bootstrap.servers=" + ctx.bootstrapServers(), "retro.reports.dir=" + reports,
                        RetroAppIT.NO_STREAMS_APP));

        try (RetroApp app = RetroApp.start(config)) {
            Await.until(() -> app.heldByChangelog() != null, Duration.ofMinutes(2), () -> app.runs() + " runs so far");
            Thread.sleep(2_000);
            assertThat(app.runs()).as("held by the record it cannot decode").isZero();
            assertThat(Files.exists(reports)).as("no week run, none marked done").isFalse();

            send(ctx, null);
            Await.until(() -> app.runs() >= 2, Duration.ofMinutes(2), () -> app.runs() + " runs so far");
            assertThat(app.heldByChangelog()).isNull();
        }

        try (Stream<Path> weeks = Files.list(reports)) {
            assertThat(weeks.map(p -> p.getFileName().toString()).sorted().toList())
                    .containsExactly("2020-01-03", "2020-01-10");
        }
    }

    private static void send(KafkaTestContext ctx, byte[] value) throws Exception {
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, ctx.bootstrapServers(), ProducerConfig.ACKS_CONFIG, "all"),
                new StringSerializer(), new ByteArraySerializer())) {
            producer.send(new ProducerRecord<>(Topics.MODEL_CHANGELOG.name(), ID, value)).get();
        }
    }
}
