package io.edgeloop.core.indicators;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class RatioCrossTest {

    @Test
    void shouldDivideByAverageThatIncludesCurrentValue() {
        RatioToAverage ratio = new RatioToAverage(3);
        assertThat(ratio.update(1)).isNaN();
        assertThat(ratio.update(2)).isNaN();
        assertThat(ratio.update(3)).isEqualTo(1.5);
        assertThat(ratio.update(6)).isCloseTo(18.0 / 11, within(1e-15));
        assertThat(ratio.average()).isCloseTo(11.0 / 3, within(1e-15));
    }

    @Test
    void shouldBeNaNWhenAverageIsZero() {
        RatioToAverage ratio = new RatioToAverage(2);
        ratio.update(0);
        assertThat(ratio.update(0)).isNaN();
        assertThat(ratio.isWarm()).isTrue();
    }

    @Test
    void shouldReportCrossoverAndCrossunderLikePine() {
        Cross cross = new Cross();
        assertThat(cross.update(1, 2)).isNaN();
        assertThat(cross.update(2, 2)).as("touching is not crossing").isZero();
        assertThat(cross.update(3, 2)).as("a > b and a[1] <= b[1]").isEqualTo(1.0);
        assertThat(cross.update(4, 2)).isZero();
        assertThat(cross.update(3, 3)).isZero();
        assertThat(cross.update(2, 3)).as("a < b and a[1] >= b[1]").isEqualTo(-1.0);
        assertThat(cross.update(Double.NaN, 3)).isNaN();
        assertThat(cross.update(4, 3)).as("previous bar unknown").isNaN();
    }
}
