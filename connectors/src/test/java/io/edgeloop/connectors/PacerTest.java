package io.edgeloop.connectors;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PacerTest {

    private static final long SECOND = 1_000_000_000L;
    private static final long HOUR_MS = 3_600_000L;

    @Test
    void shouldMakeEveryBarDueAtOnceWithoutPacing() {
        Pacer pacer = Pacer.none();

        assertThat(pacer.due(0, 5 * SECOND)).isEqualTo(5 * SECOND);
        assertThat(pacer.due(HOUR_MS, 5 * SECOND)).isEqualTo(5 * SECOND);
    }

    @Test
    void shouldSpaceBarsByTheInverseRate() {
        Pacer pacer = Pacer.barsPerSecond(4);

        assertThat(pacer.due(0, 10 * SECOND)).isEqualTo(10 * SECOND);
        assertThat(pacer.due(0, 10 * SECOND)).isEqualTo(10 * SECOND + SECOND / 4);
        assertThat(pacer.due(0, 10 * SECOND)).isEqualTo(10 * SECOND + SECOND / 2);
    }

    @Test
    void shouldRunEventTimeFactorTimesFasterThanTheWallClock() {
        Pacer pacer = Pacer.realtimeFactor(3_600, 10_000);

        long first = pacer.due(0, 0);
        long oneHourLater = pacer.due(HOUR_MS, 0);
        long halfAnHourLater = pacer.due(HOUR_MS + HOUR_MS / 2, 0);

        assertThat(first).isZero();
        assertThat(oneHourLater).isEqualTo(SECOND);
        assertThat(halfAnHourLater).isEqualTo(SECOND + SECOND / 2);
    }

    @Test
    void shouldCapTheWaitAcrossAWeekend() {
        Pacer pacer = Pacer.realtimeFactor(60, 2_000);

        pacer.due(0, 0);

        assertThat(pacer.due(64 * HOUR_MS, 0)).isEqualTo(2 * SECOND);
    }

    @Test
    void shouldNotWaitForABarOlderThanThePreviousOne() {
        Pacer pacer = Pacer.realtimeFactor(60, 2_000);
        pacer.due(HOUR_MS, 0);

        assertThat(pacer.due(0, 0)).isZero();
    }

    @Test
    void shouldCatchUpAtMostOneSecondAfterAStall() {
        Pacer pacer = Pacer.barsPerSecond(10);
        pacer.due(0, 0);

        long afterStall = pacer.due(0, 60 * SECOND);

        assertThat(afterStall).isEqualTo(59 * SECOND);
    }

    @Test
    void shouldRejectANonPositiveRate() {
        assertThatThrownBy(() -> Pacer.barsPerSecond(0)).hasMessageContaining("positive");
        assertThatThrownBy(() -> Pacer.realtimeFactor(Double.NaN, 1)).hasMessageContaining("positive");
    }
}
