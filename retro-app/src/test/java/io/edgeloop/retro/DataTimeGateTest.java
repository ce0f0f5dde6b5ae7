package io.edgeloop.retro;

import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class DataTimeGateTest {

    private static final TopicPartition CANDLES_0 = new TopicPartition("candles", 0);
    private static final TopicPartition CANDLES_1 = new TopicPartition("candles", 1);
    private static final TopicPartition SCORES_0 = new TopicPartition("scores", 0);

    @Test
    void shouldLetThroughWhatIsDatedAtOrBeforeTheHorizonAndHoldTheRest() {
        DataTimeGate<String> gate = new DataTimeGate<>();

        assertThat(gate.pass(CANDLES_0, 10, "a", 10)).isTrue();
        assertThat(gate.pass(CANDLES_0, 11, "b", 10)).isFalse();
        assertThat(gate.pass(CANDLES_0, 9, "c, another ticker", 10)).isTrue();
        assertThat(gate.size()).isEqualTo(1);
        assertThat(gate.release(10)).isEmpty();
        assertThat(gate.release(11)).containsExactly("b");
    }

    @Test
    void shouldReleaseInDateOrderThenReadOrderAcrossPartitions() {
        DataTimeGate<String> gate = new DataTimeGate<>();
        long none = Long.MIN_VALUE;
        gate.pass(SCORES_0, 3, "s3", none);
        gate.pass(CANDLES_1, 2, "c1-2", none);
        gate.pass(CANDLES_1, 9, "c1-9", none);
        gate.pass(CANDLES_0, 3, "c0-3", none);
        gate.pass(CANDLES_0, 1, "c0-1", none);

        assertThat(gate.release(4)).containsExactly("c0-1", "c1-2", "s3", "c0-3");
        assertThat(gate.release(Long.MAX_VALUE)).containsExactly("c1-9");
        assertThat(gate.size()).isZero();
    }

    @Test
    void shouldNameThePartitionsThatHoldTheLimitUntilTheyAreReleased() {
        DataTimeGate<Integer> gate = new DataTimeGate<>();
        for (int i = 0; i < DataTimeGate.HOLD_LIMIT; i++) {
            gate.pass(CANDLES_0, 100 + i, i, 0);
        }
        gate.pass(CANDLES_1, 100, -1, 0);

        assertThat(gate.full()).containsExactly(CANDLES_0);
        gate.release(100);
        assertThat(gate.full()).isEmpty();
        assertThat(gate.size()).isEqualTo(DataTimeGate.HOLD_LIMIT - 1);
    }
}
