package io.edgeloop.stack;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** The bench's figures that need no broker: the warm-up rule and the per-round ratios. */
class StreamsBenchTest {

    @Test
    void shouldWarmUpTheAskedRoundsThenWhileTheJitStillCompilesUpToTheLimit() {
        // the asked rounds, whatever the JIT did
        assertThat(StreamsBench.warmingUp(0, 0, 3, 0.0)).isTrue();
        assertThat(StreamsBench.warmingUp(2, 2, 3, 0.0)).isTrue();
        // after them: only while the JIT took over a tenth of the (b) round
        assertThat(StreamsBench.warmingUp(3, 3, 3, 0.35)).isTrue();
        assertThat(StreamsBench.warmingUp(3, 3, 3, StreamsBench.SETTLED_JIT_SHARE)).isFalse();
        assertThat(StreamsBench.warmingUp(3, 3, 3, 0.02)).isFalse();
        // at most MAX_EXTRA_WARMUPS more
        int last = 3 + StreamsBench.MAX_EXTRA_WARMUPS;
        assertThat(StreamsBench.warmingUp(last - 1, last - 1, 3, 0.9)).isTrue();
        assertThat(StreamsBench.warmingUp(last, last, 3, 0.9)).isFalse();
        // once a round was counted, a later busy JIT does not turn rounds back into warm-ups
        assertThat(StreamsBench.warmingUp(5, 4, 3, 0.9)).isFalse();
        // no warm-up asked: the JIT rule alone
        assertThat(StreamsBench.warmingUp(0, 0, 0, 0.5)).isTrue();
        assertThat(StreamsBench.warmingUp(0, 0, 0, 0.05)).isFalse();
    }

    @Test
    void shouldPairEachRoundsTopologyWithItsOwnPassthrough() {
        StreamsBench.Result r = new StreamsBench.Result(100, 3, 4, 200, 500, 80, List.of(),
                List.of(List.of(200.0, 100.0, 400.0), List.of(500.0, 500.0, 500.0), List.of(100.0, 60.0, 80.0)),
                List.of(), List.of(), Map.of(), List.of());
        assertThat(r.roundRatios()).containsExactly(0.5, 0.6, 0.2);
        assertThat(r.ratio()).isCloseTo(0.4, within(1e-12));
    }

    @Test
    void shouldTellTheJitsShareOfARound() {
        // 1,000 candles at 500 per second: a 2 s round, 500 ms of it compiling
        StreamsBench.Run run = new StreamsBench.Run(500, 1, List.of(), 0, 500, 1.5, 0, 0.9);
        assertThat(run.jitShare(1000)).isCloseTo(0.25, within(1e-12));
    }
}
