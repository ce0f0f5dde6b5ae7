package io.edgeloop.core.retro;

import org.junit.jupiter.api.Test;

import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RetroWindowsTest {

    @Test
    void shouldSplitNinetyDaysIntoSixtyPriorAndThirtyRecentEndingOnTheAsOfDate() {
        RetroWindows w = RetroWindows.of(LocalDate.of(2020, 3, 31), RetroConfig.defaults());

        assertThat(w.priorFrom()).isEqualTo(LocalDate.of(2020, 1, 2));
        assertThat(w.priorTo()).isEqualTo(LocalDate.of(2020, 3, 1));
        assertThat(w.recentFrom()).isEqualTo(LocalDate.of(2020, 3, 2));
        assertThat(w.of(LocalDate.of(2020, 1, 1))).isEqualTo(RetroWindows.Window.OUTSIDE);
        assertThat(w.of(LocalDate.of(2020, 1, 2))).isEqualTo(RetroWindows.Window.PRIOR);
        assertThat(w.of(LocalDate.of(2020, 3, 1))).isEqualTo(RetroWindows.Window.PRIOR);
        assertThat(w.of(LocalDate.of(2020, 3, 2))).isEqualTo(RetroWindows.Window.RECENT);
        assertThat(w.of(LocalDate.of(2020, 3, 31))).isEqualTo(RetroWindows.Window.RECENT);
        assertThat(w.of(LocalDate.of(2020, 4, 1))).as("after the as-of date").isEqualTo(RetroWindows.Window.OUTSIDE);
        assertThat(w.describe()).isEqualTo("prior 2020-01-02..2020-03-01, recent 2020-03-02..2020-03-31");
    }

    @Test
    void shouldRejectARecentWindowAsLongAsTheLookback() {
        assertThatThrownBy(() -> new RetroConfig(30, 30, 5, 5, 0.05, 0.1,
                io.edgeloop.core.stats.FdrMethod.BENJAMINI_HOCHBERG, 10, 8, 0.05, 0.8, 5, 25, 15, 0.95))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("recentDays < lookbackDays");
    }

    @Test
    void shouldRateSeverityByEffectSize() {
        RetroConfig c = RetroConfig.defaults();

        assertThat(c.severity(-25.1)).isEqualTo(Severity.HIGH);
        assertThat(c.severity(25.0)).isEqualTo(Severity.MEDIUM);
        assertThat(c.severity(15.1)).isEqualTo(Severity.MEDIUM);
        assertThat(c.severity(-15.0)).isEqualTo(Severity.LOW);
    }
}
