package io.edgeloop.resolver;

import io.edgeloop.core.outcome.TradeRef;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;

import static io.edgeloop.core.outcome.TradeRef.Side.LONG;
import static io.edgeloop.core.outcome.TradeRef.Side.SHORT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RecentTradesTest {

    private static TradeRef trade(String id, long entryTime, TradeRef.Side side) {
        return new TradeRef(id, "SPY", null, entryTime, side);
    }

    @Test
    void shouldKeepTradesFromTheCutoffInArrivalOrderAndRoundTripThroughBytes() {
        RecentTrades recent = new RecentTrades("SPY");
        recent.add(trade("a", 100, LONG), 0);
        recent.add(trade("b", 50, SHORT), 0);
        recent.add(trade("c", 300, LONG), 60);

        assertThat(recent.trades()).containsExactly(trade("a", 100, LONG), trade("c", 300, LONG));
        assertThat(RecentTrades.fromBytes("SPY", recent.toBytes()).trades()).isEqualTo(recent.trades());
        assertThat(recent.purge(100)).isFalse();
        assertThat(recent.purge(101)).isTrue();
        assertThat(recent.trades()).containsExactly(trade("c", 300, LONG));
    }

    @Test
    void shouldForgetTheOldestArrivalsBeyondItsCapacity() {
        RecentTrades recent = new RecentTrades("SPY");
        List<Integer> dropped = IntStream.range(0, RecentTrades.CAPACITY + 2)
                .mapToObj(i -> recent.add(trade("t" + i, 1_000 + i, LONG), 0)).toList();

        assertThat(dropped.subList(0, RecentTrades.CAPACITY)).containsOnly(0);
        assertThat(dropped.subList(RecentTrades.CAPACITY, RecentTrades.CAPACITY + 2)).containsExactly(1, 1);
        assertThat(recent.trades()).hasSize(RecentTrades.CAPACITY);
        assertThat(recent.trades().get(0).tradeId()).isEqualTo("t2");
    }

    @Test
    void shouldRefuseLinkedTradesAndCorruptState() {
        RecentTrades recent = new RecentTrades("SPY");
        assertThatThrownBy(() -> recent.add(TradeRef.linked("l", "SPY", "p1", 0), 0))
                .hasMessageContaining("is not an unlinked trade of SPY");
        recent.add(trade("a", 100, LONG), 0);
        byte[] bytes = recent.toBytes();
        assertThatThrownBy(() -> RecentTrades.fromBytes("SPY", Arrays.copyOf(bytes, bytes.length - 3)))
                .hasMessageContaining("truncated or corrupt recent trades of SPY");
    }
}
