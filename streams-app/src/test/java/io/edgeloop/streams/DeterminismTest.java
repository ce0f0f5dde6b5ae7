package io.edgeloop.streams;

import io.edgeloop.core.candle.Candle;
import io.edgeloop.schemas.avro.Prediction;
import io.edgeloop.schemas.avro.Trade;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The same candles processed twice, each time from fresh state, give identical calls: same ids, same values. */
class DeterminismTest {

    private static final List<Candle> CANDLES = MarketData.merged(List.of("SPY", "QQQ", "IWM", "NVDA", "TSLA", "GLD")
            .stream().map(t -> MarketData.history(t + "_60", "2025-01-14T00:00:00Z", "2025-05-01T00:00:00Z")).toList());

    @Test
    void shouldGiveIdenticalPredictionsAndTradesWhenRunTwiceFromFreshState() {
        Run first = run();
        Run second = run();

        assertThat(first.predictions()).hasSizeGreaterThan(20);
        assertThat(second.predictions()).isEqualTo(first.predictions());
        assertThat(second.trades()).isEqualTo(first.trades());
        assertThat(first.predictions()).extracting(Prediction::getId).doesNotHaveDuplicates();
    }

    private static Run run() {
        try (Harness harness = RealDataTopologyTest.real()) {
            harness.pipe(CANDLES);
            return new Run(RealDataTopologyTest.values(harness.predictions.readRecordsToList()),
                    RealDataTopologyTest.values(harness.trades.readRecordsToList()));
        }
    }

    private record Run(List<Prediction> predictions, List<Trade> trades) {
    }
}
