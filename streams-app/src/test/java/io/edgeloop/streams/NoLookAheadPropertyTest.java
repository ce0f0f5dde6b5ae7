package io.edgeloop.streams;

import io.edgeloop.core.candle.Candle;
import io.edgeloop.schemas.avro.Prediction;
import io.edgeloop.schemas.avro.ScoreSnapshot;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * No look-ahead, as a property over seeded random cut times: every prediction (and snapshot) at
 * or before a time t is the same when every candle after t is removed from the input. Hourly
 * bars exercise the forming daily and weekly bars, the likeliest place for a peek at the future.
 *
 * <p>The topology emits as it goes, so what this catches is an output stamped at or before t but
 * made from a later candle: a call dated by the open of a forming higher-timeframe bar, or held
 * back and emitted once later bars came in, would be in the full run and not in the cut one.
 */
class NoLookAheadPropertyTest {

    private static final List<Candle> CANDLES = MarketData.merged(List.of("NVDA", "XLE")
            .stream().map(t -> MarketData.history(t + "_60", "2024-11-01T00:00:00Z", "2025-03-01T00:00:00Z")).toList());
    private static List<Prediction> fullPredictions;
    private static List<ScoreSnapshot> fullScores;

    @BeforeAll
    static void runOnAllCandles() {
        try (Harness harness = RealDataTopologyTest.real()) {
            harness.pipe(CANDLES);
            fullPredictions = RealDataTopologyTest.values(harness.predictions.readRecordsToList());
            fullScores = RealDataTopologyTest.values(harness.scores.readRecordsToList());
        }
        assertThat(fullPredictions).as("the full run makes calls").hasSizeGreaterThan(10);
    }

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {11, 23, 37, 41, 53, 67, 79, 97})
    void shouldMakeTheSameCallsUpToTWithoutTheCandlesAfterT(long seed) {
        Random random = new Random(seed);
        int cut = CANDLES.size() / 4 + random.nextInt(CANDLES.size() * 3 / 4);
        long t = CANDLES.get(cut).openTime();
        List<Candle> past = CANDLES.stream().filter(c -> c.openTime() <= t).toList();

        try (Harness harness = RealDataTopologyTest.real()) {
            harness.pipe(past);
            List<Prediction> predictions = RealDataTopologyTest.values(harness.predictions.readRecordsToList());
            List<ScoreSnapshot> scores = RealDataTopologyTest.values(harness.scores.readRecordsToList());

            assertThat(predictions).isEqualTo(fullPredictions.stream()
                    .filter(p -> p.getBarTime().toEpochMilli() <= t).toList());
            assertThat(scores).isEqualTo(fullScores.stream()
                    .filter(s -> s.getBarTime().toEpochMilli() <= t).toList());
        }
    }
}
