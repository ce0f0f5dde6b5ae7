package io.edgeloop.core.candle;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class CandleValidatorTest {

    private static final long T = 1_742_961_600_000L;
    private final CandleValidator validator = TestData.VALIDATOR;

    private String reason(long t, double o, double h, double l, double c, double v) {
        Validation result = validator.validate(t, o, h, l, c, v);
        assertThat(result).isInstanceOf(Validation.Rejection.class);
        return ((Validation.Rejection) result).reason();
    }

    @Test
    void shouldAcceptConsistentCandle() {
        assertThat(validator.validate(T, 575.19, 576.33, 567.19, 568.59, 52_228_898)).isSameAs(Validation.VALID);
    }

    @Test
    void shouldAcceptZeroVolumeAndFlatBar() {
        assertThat(validator.validate(T, 10, 10, 10, 10, 0).isValid()).isTrue();
    }

    @Test
    void shouldRejectCandleWithHighBelowLow() {
        assertThat(reason(T, 5, 4, 6, 5, 1)).contains("high 4.0 is below low 6.0");
    }

    @Test
    void shouldRejectLowAboveMinOfOpenAndClose() {
        assertThat(reason(T, 10, 12, 10.5, 11, 1)).contains("low 10.5 is above min(open, close) 10.0");
    }

    @Test
    void shouldRejectHighBelowMaxOfOpenAndClose() {
        assertThat(reason(T, 10, 11, 9, 11.5, 1)).contains("high 11.0 is below max(open, close) 11.5");
    }

    @Test
    void shouldRejectNonFiniteNumbers() {
        assertThat(reason(T, Double.NaN, 11, 9, 10, 1)).contains("open is not a finite number (NaN)");
        assertThat(reason(T, 10, Double.POSITIVE_INFINITY, 9, 10, 1)).contains("high is not a finite number (Infinity)");
        assertThat(reason(T, 10, 11, 9, 10, Double.NaN)).contains("volume is not a finite number");
    }

    @Test
    void shouldRejectNonPositivePrices() {
        assertThat(reason(T, 0, 1, 0, 1, 1)).contains("open is not positive (0.0)").contains("low is not positive (0.0)");
        assertThat(reason(T, -2, -1, -3, -2, 1)).contains("close is not positive (-2.0)");
    }

    @Test
    void shouldRejectNegativeVolume() {
        assertThat(reason(T, 10, 11, 9, 10, -5)).isEqualTo("volume is negative (-5.0)");
    }

    @Test
    void shouldRejectTimestampBeforeSecondDayOf1970() {
        assertThat(reason(0, 10, 11, 9, 10, 1)).contains("before 1970-01-02T00:00:00Z");
        assertThat(validator.validate(CandleValidator.MIN_OPEN_TIME, 10, 11, 9, 10, 1).isValid()).isTrue();
    }

    @Test
    void shouldRejectTimestampMoreThanTwoDaysAfterTheInjectedClock() {
        long now = TestData.CLOCK.millis();
        assertThat(validator.validate(now + CandleValidator.MAX_FUTURE_MS, 10, 11, 9, 10, 1).isValid()).isTrue();
        assertThat(reason(now + CandleValidator.MAX_FUTURE_MS + 1, 10, 11, 9, 10, 1))
                .contains("more than 2 days after now (2026-11-24T00:00:00Z)");
    }

    @Test
    void shouldNameEveryBrokenRuleInOneReason() {
        String reason = reason(0, 10, 4, 6, 5, -1);
        assertThat(reason.split("; ")).hasSize(5);
    }

    @Test
    void shouldValidateCandleRecords() {
        Candle bad = new Candle("SPY", Timeframe.D1, T, 10, 9, 11, 10, 1, "test");
        assertThat(validator.validate(bad).isValid()).isFalse();
    }
}
