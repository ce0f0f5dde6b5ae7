package io.edgeloop.core.candle;

import org.junit.jupiter.api.Test;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class AggregatorStateTest {

    private static final Set<Timeframe> TARGETS = EnumSet.of(Timeframe.H4, Timeframe.D1, Timeframe.W1, Timeframe.MN1);

    private static List<String> feed(Aggregator aggregator, List<Candle> candles, int from, int to) {
        List<String> out = new ArrayList<>();
        for (int i = from; i < to; i++) {
            aggregator.update(candles.get(i), bar -> out.add("closed " + bar));
            for (Timeframe tf : TARGETS) {
                out.add("forming " + aggregator.forming(tf));
            }
        }
        return out;
    }

    @Test
    void shouldContinueExactlyAfterRestoringItsState() {
        List<Candle> candles = TestData.normalised("history/SPY_60.json", SessionCalendar.US_EQUITY);
        List<String> uninterrupted = feed(new Aggregator(SessionCalendar.US_EQUITY, Timeframe.H1, TARGETS), candles, 0,
                candles.size());
        for (int cut : new int[] {1, 7, 333, 1234, candles.size() - 1}) {
            Aggregator first = new Aggregator(SessionCalendar.US_EQUITY, Timeframe.H1, TARGETS);
            List<String> before = feed(first, candles, 0, cut);
            ByteBuffer state = ByteBuffer.allocate(first.size());
            first.write(state);
            assertThat(state.remaining()).isZero();
            state.flip();
            Aggregator restored = new Aggregator(SessionCalendar.US_EQUITY, Timeframe.H1, TARGETS);
            restored.read(state);
            List<String> after = feed(restored, candles, cut, candles.size());
            before.addAll(after);
            assertThat(before).as("restored at %d", cut).isEqualTo(uninterrupted);
        }
    }

    @Test
    void shouldRefuseAStateOfAnotherTargetSet() {
        Aggregator hourly = new Aggregator(SessionCalendar.US_EQUITY, Timeframe.H1, TARGETS);
        ByteBuffer state = ByteBuffer.allocate(hourly.size());
        hourly.write(state);
        state.flip();
        Aggregator other = new Aggregator(SessionCalendar.US_EQUITY, Timeframe.H1, EnumSet.of(Timeframe.D1));
        assertThatThrownBy(() -> other.read(state)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("another base or target set");
    }
}
