package io.edgeloop.core.candle;

import io.edgeloop.core.candle.BarSequencer.Arrival;
import org.junit.jupiter.api.Test;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class BarSequencerTest {

    private static Candle bar(long t, double close) {
        return new Candle("SPY", Timeframe.H1, t, 10, 12, 9, close, 100, "test");
    }

    @Test
    void shouldCallTheFirstBarAndLaterBarsNew() {
        assertThat(BarSequencer.classify(null, bar(1, 10))).isEqualTo(Arrival.NEW);
        assertThat(BarSequencer.classify(bar(1, 10), bar(2, 10))).isEqualTo(Arrival.NEW);
    }

    @Test
    void shouldTellDuplicatesFromRevisions() {
        assertThat(BarSequencer.classify(bar(5, 10), bar(5, 10))).isEqualTo(Arrival.DUPLICATE);
        assertThat(BarSequencer.classify(bar(5, 10), bar(5, 11))).isEqualTo(Arrival.REVISION);
    }

    @Test
    void shouldCallOlderBarsLate() {
        assertThat(BarSequencer.classify(bar(5, 10), bar(4, 10))).isEqualTo(Arrival.LATE);
        assertThat(Arrival.LATE.reason()).startsWith("late bar");
        assertThat(Arrival.LATE.accepted()).isFalse();
    }

    @Test
    void shouldKeepTheLastAcceptedBarPerTickerAndInterval() {
        BarSequencer sequencer = new BarSequencer();
        Candle other = new Candle("QQQ", Timeframe.H1, 3, 10, 12, 9, 10, 100, "test");
        assertThat(sequencer.offer(bar(3, 10))).isEqualTo(Arrival.NEW);
        assertThat(sequencer.offer(other)).isEqualTo(Arrival.NEW);
        assertThat(sequencer.offer(bar(2, 10))).isEqualTo(Arrival.LATE);
        assertThat(sequencer.offer(bar(3, 11))).isEqualTo(Arrival.REVISION);
        assertThat(sequencer.lastAccepted("SPY", Timeframe.H1).close()).isEqualTo(10);
    }

    @Test
    void shouldAcceptEveryBarOfAnInOrderRealFileAndFlagItsReplay() {
        List<Candle> candles = TestData.read("history/SPY_60.json").candles();
        BarSequencer sequencer = new BarSequencer();
        Map<Arrival, Integer> counts = new EnumMap<>(Arrival.class);
        for (Candle c : candles) {
            counts.merge(sequencer.offer(c), 1, Integer::sum);
        }
        for (Candle c : candles.subList(candles.size() - 10, candles.size())) {
            counts.merge(sequencer.offer(c), 1, Integer::sum);
        }
        assertThat(counts).containsEntry(Arrival.NEW, 2500).containsEntry(Arrival.LATE, 9)
                .containsEntry(Arrival.DUPLICATE, 1);
    }
}
