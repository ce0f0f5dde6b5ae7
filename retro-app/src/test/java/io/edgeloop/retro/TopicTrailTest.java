package io.edgeloop.retro;

import io.edgeloop.core.candle.Candle;
import io.edgeloop.core.candle.Timeframe;
import io.edgeloop.core.mining.Trail;
import io.edgeloop.core.model.ModelConfig;
import io.edgeloop.core.retro.DailyBook;
import io.edgeloop.core.retro.DailyData;
import io.edgeloop.core.retro.TrailBuilder;
import io.edgeloop.core.rules.SeedPatterns;
import io.edgeloop.core.stats.BetaPrior;
import io.edgeloop.schemas.avro.ScoreSnapshot;
import io.edgeloop.schemas.topics.Topics;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The service's trail (scores records read back into a daily book) equals the command's trail
 * (the engine over the candle files), day for day, for a real ticker.
 */
class TopicTrailTest {

    @Test
    void shouldReadTheSameTrailFromScoresRecordsAsTheEngineComputes() throws Exception {
        DailyData data = DailyData.load(Path.of(System.getProperty("edgeloop.data.dir")).resolve("history"));
        List<Candle> bars = data.bars().get("SPY");
        Trail computed = new TrailBuilder(data.bars(), ModelConfig.defaults(), SeedPatterns.all(), BetaPrior.UNIFORM)
                .trail("SPY").orElseThrow();
        DailyBook book = new DailyBook(100_000);
        for (int day = 0; day < computed.size(); day++) {
            ScoreSnapshot record = ScoreRecords.of("SPY", Instant.ofEpochMilli(bars.get(day).openTime()), "D",
                    List.of(Timeframe.D1), List.of(Timeframe.W1, Timeframe.MN1), computed.at(day));
            byte[] bytes = Topics.SCORES.valueSerde().serializer().serialize("scores", record);
            ScoreSnapshot read = Topics.SCORES.valueSerde().deserializer().deserialize("scores", bytes);
            book.addSnapshot("SPY", computed.date(day), ScoreSnapshots.toSnapshot(read));
        }

        Trail fromTopic = book.trail("SPY").orElseThrow();

        assertThat(fromTopic.size()).isEqualTo(computed.size()).isGreaterThan(2000);
        for (int day = 0; day < computed.size(); day++) {
            assertThat(fromTopic.date(day)).isEqualTo(computed.date(day));
            assertThat(fromTopic.at(day)).as("SPY on %s", computed.date(day)).isEqualTo(computed.at(day));
        }
    }
}
