package io.edgeloop.core.indicators;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class RsiTest {

    @Test
    void shouldAverageGainsAndLossesWithRmaFromSecondBar() {
        Rsi rsi = new Rsi(3);
        assertThat(rsi.update(10)).isNaN();
        assertThat(rsi.update(11)).isNaN();
        assertThat(rsi.update(10)).isNaN();
        // changes +1, -1, +2: up = 1, down = 1/3 -> rs 3 -> 75
        assertThat(rsi.update(12)).isCloseTo(75.0, within(1e-12));
        // change +1: up = 1/3 + 2/3 * 1 = 1, down = 2/3 * 1/3 = 2/9 -> rs 4.5
        assertThat(rsi.update(13)).isCloseTo(100 - 100 / 5.5, within(1e-12));
    }

    @Test
    void shouldGive100WithoutLossesAndZeroWithoutGains() {
        Rsi up = new Rsi(2);
        Rsi down = new Rsi(2);
        Rsi flat = new Rsi(2);
        for (int i = 0; i < 5; i++) {
            up.update(10 + i);
            down.update(10 - i);
            flat.update(10);
        }
        assertThat(up.value()).isEqualTo(100.0);
        assertThat(down.value()).isEqualTo(0.0);
        assertThat(flat.value()).as("Pine checks down == 0 first").isEqualTo(100.0);
    }
}
