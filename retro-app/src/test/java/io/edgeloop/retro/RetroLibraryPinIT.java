package io.edgeloop.retro;

import io.edgeloop.core.config.AppConfig;
import io.edgeloop.core.rules.SeedPatterns;
import io.edgeloop.core.stats.BetaPrior;
import io.edgeloop.schemas.avro.PatternDefinition;
import io.edgeloop.schemas.mapping.PatternMapping;
import io.edgeloop.schemas.topics.Topics;
import io.edgeloop.testsupport.Await;
import io.edgeloop.testsupport.KafkaTest;
import io.edgeloop.testsupport.KafkaTestContext;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code retro.library.follow=false}: the service reads the pattern-library records that were
 * there when it started and none written after, while a following service beside it reads both.
 */
@KafkaTest
class RetroLibraryPinIT {

    private static final Duration WAIT = Duration.ofSeconds(60);

    @Test
    void shouldJudgeOnlyTheLibraryPresentAtStartWhenNotFollowing(KafkaTestContext ctx) throws Exception {
        publish(ctx, "bull_state_dominance");
        try (RetroApp pinned = RetroApp.start(config(ctx, "pinned", false));
             RetroApp following = RetroApp.start(config(ctx, "following", true))) {
            Await.until(() -> pinned.libraryIds().contains("bull_state_dominance")
                    && following.libraryIds().contains("bull_state_dominance"), WAIT,
                    () -> "pinned " + pinned.libraryIds() + ", following " + following.libraryIds());

            publish(ctx, "bear_state_dominance");
            Await.until(() -> following.libraryIds().contains("bear_state_dominance"), WAIT,
                    () -> "following " + following.libraryIds());

            assertThat(pinned.libraryIds()).containsExactly("bull_state_dominance");
            assertThat(following.libraryIds()).containsExactlyInAnyOrder("bull_state_dominance", "bear_state_dominance");
        }
    }

    private static void publish(KafkaTestContext ctx, String id) {
        PatternDefinition p = PatternMapping.toAvro(SeedPatterns.byId(id).orElseThrow(), 1, BetaPrior.UNIFORM, 0.95,
                null);
        ctx.produce(Topics.PATTERN_LIBRARY.name(), new StringSerializer(), Topics.PATTERN_LIBRARY.valueSerde().serializer(),
                List.of(Map.entry(id, p)));
    }

    private static AppConfig config(KafkaTestContext ctx, String name, boolean follow) {
        return AppConfig.resolve(RetroOptions.all(), new Properties(), Map.of(), List.of(
                "kafka.bootstrap.servers=" + ctx.bootstrapServers(),
                "retro.reports.dir=" + ctx.tempDir().resolve(name),
                RetroOptions.LIBRARY_FOLLOW.name() + "=" + follow, RetroAppIT.NO_STREAMS_APP));
    }
}
