package io.edgeloop.retro;

import io.edgeloop.core.config.AppConfig;
import io.edgeloop.schemas.topics.Topics;
import io.edgeloop.testsupport.Await;
import io.edgeloop.testsupport.KafkaTest;
import io.edgeloop.testsupport.KafkaTestContext;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.common.IsolationLevel;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A backfill: every candle is on the topic long before streams-app has scored it. IWM's daily
 * candles and scores from October 2019 to mid-January 2020 are there, enough for the run as of
 * 2020-01-03; but the streams-app group named by {@code retro.streams.application.id} has
 * committed nothing on {@code candles}, so the run is held (though its data time has passed by
 * every topic). Once the group commits the candles' end offsets, as streams-app does with the
 * scores of those candles, the run goes ahead.
 */
@KafkaTest
class RetroScoringWaitIT {

    private static final LocalDate FROM = LocalDate.of(2019, 10, 1);
    private static final LocalDate TO = LocalDate.of(2020, 1, 14);

    @Test
    void shouldHoldARunUntilStreamsAppHasCommittedTheCandlesItNeeds(KafkaTestContext ctx) throws Exception {
        try (KafkaProducer<String, SpecificRecord> producer = RetroTopicRecords.producer(ctx.bootstrapServers())) {
            RetroTopicRecords.sendDailyWithScores(producer, "IWM", FROM, TO);
        }
        String streamsApp = ctx.uniqueAppId("retro-wait-streams");
        AppConfig config = AppConfig.resolve(RetroOptions.all(), new Properties(), Map.of(), List.of(
                "kafka.bootstrap.servers=" + ctx.bootstrapServers(), "retro.reports.dir=" + ctx.tempDir().resolve("r"),
                RetroOptions.STREAMS_APPLICATION_ID.name() + "=" + streamsApp));

        try (RetroApp app = RetroApp.start(config);
             Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, ctx.bootstrapServers()))) {
            Await.until(() -> app.heldRun() != null, Duration.ofMinutes(1),
                    () -> "no run held yet; " + app.runs() + " runs");
            assertThat(app.heldRun()).isEqualTo(Instant.parse("2020-01-03T21:15:00Z"));
            assertThat(app.runs()).as("nothing is scored by the group's offsets").isZero();

            Map<TopicPartition, OffsetAndMetadata> ends = new HashMap<>();
            ctx.endOffsets(Topics.CANDLES, IsolationLevel.READ_COMMITTED)
                    .forEach((tp, end) -> ends.put(tp, new OffsetAndMetadata(end)));
            admin.alterConsumerGroupOffsets(streamsApp, ends).all().get();

            Await.until(() -> app.runs() >= 2, Duration.ofMinutes(1), () -> app.runs() + " runs once all is scored");
            assertThat(app.heldRun()).isNull();
            assertThat(app.last().result().windows().asOf()).isEqualTo(LocalDate.of(2020, 1, 10));
        }
    }
}
