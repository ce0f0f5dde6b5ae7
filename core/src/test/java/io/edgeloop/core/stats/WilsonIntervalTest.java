package io.edgeloop.core.stats;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

/** Reference values: R's {@code prop.test(x, n, correct = FALSE)$conf.int} (scipy binomtest ... method="wilson"). */
class WilsonIntervalTest {

    @Test
    void shouldMatchKnownWilsonIntervals() {
        Interval a = WilsonInterval.of(124, 165, 0.95);
        assertThat(a.lower()).isCloseTo(0.6803600490331486, within(1e-9));
        assertThat(a.upper()).isCloseTo(0.8112253742374719, within(1e-9));
        Interval b = WilsonInterval.of(7, 10, 0.90);
        assertThat(b.lower()).isCloseTo(0.4416997958698351, within(1e-9));
        assertThat(b.upper()).isCloseTo(0.8731234160968021, within(1e-9));
    }

    @Test
    void shouldStayInsideUnitIntervalAtTheEdges() {
        Interval zero = WilsonInterval.of(0, 10, 0.95);
        assertThat(zero.lower()).isZero();
        assertThat(zero.upper()).isCloseTo(0.27753279986288926, within(1e-9));
        Interval all = WilsonInterval.of(10, 10, 0.95);
        assertThat(all.upper()).isCloseTo(1, within(1e-12));
        assertThat(all.lower()).isCloseTo(1 - 0.27753279986288926, within(1e-9));
    }

    @Test
    void shouldBeTheWholeUnitIntervalWithoutData() {
        Interval none = WilsonInterval.of(0, 0, 0.95);
        assertThat(none.lower()).isZero();
        assertThat(none.upper()).isEqualTo(1);
    }

    @Test
    void shouldRejectHitsAboveN() {
        assertThatThrownBy(() -> WilsonInterval.of(3, 2, 0.95)).hasMessageContaining("0 <= hits <= n");
    }
}
