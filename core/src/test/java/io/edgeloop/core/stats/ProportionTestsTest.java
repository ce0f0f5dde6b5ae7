package io.edgeloop.core.stats;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class ProportionTestsTest {

    @Test
    void shouldMatchTextbookPooledZTest() {
        // 120 of 200 vs 150 of 300: pooled p = 270/500 = .54, se = sqrt(.54 * .46 * (1/200 + 1/300)) = .0454972,
        // z = (.60 - .50) / .0454972 = 2.19793; R prop.test(c(120,150), c(200,300), correct=FALSE):
        // X-squared = 4.8309 = z^2, p-value = 0.02795
        assertThat(TwoProportionZTest.z(120, 200, 150, 300)).isCloseTo(2.1979349113192894, within(1e-12));
        assertThat(TwoProportionZTest.pValue(120, 200, 150, 300)).isCloseTo(0.02795374461359153, within(1e-12));
        assertThat(TwoProportionZTest.z(150, 300, 120, 200)).isCloseTo(-2.1979349113192894, within(1e-12));
    }

    @Test
    void shouldGiveZeroAndOneWhenBothSamplesAreUnanimous() {
        assertThat(TwoProportionZTest.z(5, 5, 9, 9)).isZero();
        assertThat(TwoProportionZTest.pValue(0, 5, 0, 9)).isEqualTo(1);
        assertThat(TwoProportionZTest.pValueGreater(0, 5, 0, 9)).isEqualTo(1);
        assertThat(TwoProportionZTest.pValueGreater(5, 5, 9, 9)).isEqualTo(1);
        assertThat(FisherExactTest.pValueGreater(5, 5, 9, 9)).isEqualTo(1);
    }

    @Test
    void shouldMatchFishersTeaTasting() {
        // Fisher's lady tasting tea, [[3, 1], [1, 3]]: R fisher.test two-sided p = 0.4857
        assertThat(FisherExactTest.pValueTable(3, 1, 1, 3)).isCloseTo(0.48571428571428565, within(1e-12));
        // R fisher.test(matrix(c(1, 11, 9, 3), 2)) p = 0.002759456
        assertThat(FisherExactTest.pValueTable(1, 9, 11, 3)).isCloseTo(0.0027594561852200836, within(1e-12));
        assertThat(FisherExactTest.pValueProportions(1, 10, 11, 14)).isCloseTo(0.0027594561852200836, within(1e-12));
    }

    @Test
    void shouldGiveFishersOneSidedTailsAsRDoesNotHalfTheTwoSidedValue() {
        // R fisher.test(matrix(c(6, 2, 0, 6), 2), alternative = "greater") p = 28/3003; two-sided 29/3003
        assertThat(FisherExactTest.pValueGreater(6, 6, 2, 8)).isCloseTo(28.0 / 3003, within(1e-15));
        assertThat(FisherExactTest.pValueProportions(6, 6, 2, 8)).isCloseTo(29.0 / 3003, within(1e-15));
        // alternative = "less" of the same table read the other way round, and the tea tasting's
        assertThat(FisherExactTest.pValueLess(2, 8, 6, 6)).isCloseTo(28.0 / 3003, within(1e-15));
        assertThat(FisherExactTest.pValueGreater(3, 4, 1, 4)).isCloseTo(17.0 / 70, within(1e-15));
        assertThat(FisherExactTest.pValueLess(3, 4, 1, 4)).isCloseTo(69.0 / 70, within(1e-15));
    }

    @Test
    void shouldGiveTheOneSidedTestOfTheMethodTheCountsCallFor() {
        RegimeTest auto = new RegimeTest(1, 0.05, RegimeTest.Method.AUTO);
        assertThat(auto.pValueGreater(6, 6, 2, 8)).as("small counts: Fisher").isCloseTo(28.0 / 3003, within(1e-15));
        // 30/50 against 20/50: z = 2, Phi(-2) = 0.02275013 (R pnorm(-2)); the other way Phi(2)
        assertThat(auto.pValueGreater(30, 50, 20, 50)).isCloseTo(0.022750131948179195, within(1e-15));
        assertThat(auto.pValueGreater(20, 50, 30, 50)).isCloseTo(0.9772498680518208, within(1e-15));
        assertThat(TwoProportionZTest.pValueGreater(30, 50, 20, 50)).isCloseTo(0.022750131948179195, within(1e-15));
        assertThat(new RegimeTest(5, 0.05, RegimeTest.Method.AUTO).pValueGreater(4, 4, 1, 9)).isNaN();
    }

    @Test
    void shouldMatchRBinomialTest() {
        // R binom.test(7, 10): two-sided 0.34375, greater 0.171875, less 0.9453125
        assertThat(BinomialTests.pValueTwoSided(7, 10, 0.5)).isCloseTo(0.34375, within(1e-12));
        assertThat(BinomialTests.pValueGreater(7, 10, 0.5)).isCloseTo(0.171875, within(1e-12));
        assertThat(BinomialTests.pValueLess(7, 10, 0.5)).isCloseTo(0.9453125, within(1e-12));
        // asymmetric base rates: binom.test(60, 100, 0.52) and binom.test(3, 20, 0.4)
        assertThat(BinomialTests.pValueTwoSided(60, 100, 0.52)).isCloseTo(0.13289621946398977, within(1e-10));
        assertThat(BinomialTests.pValueGreater(60, 100, 0.52)).isCloseTo(0.06622963313547248, within(1e-10));
        assertThat(BinomialTests.pValueTwoSided(3, 20, 0.4)).isCloseTo(0.022427038142043255, within(1e-10));
        assertThat(BinomialTests.pValueGreater(0, 20, 0.4)).isEqualTo(1);
    }

    @Test
    void shouldReportFeatureLiftWithExactPValues() {
        FeatureLift lift = FeatureLift.test(60, 100, 0.52);
        assertThat(lift.rate()).isEqualTo(0.6);
        assertThat(lift.lift()).isCloseTo(0.6 / 0.52, within(1e-15));
        assertThat(lift.pValueGreater()).isCloseTo(0.06622963313547248, within(1e-10));
        assertThat(lift.pValueTwoSided()).isCloseTo(0.13289621946398977, within(1e-10));
        assertThat(lift.pValueLess()).isGreaterThan(0.9);
        assertThatThrownBy(() -> FeatureLift.test(1, 0, 0.5)).hasMessageContaining("n > 0");
    }

    @Test
    void shouldFlagTheOriginalRegimeShiftWithBothTests() {
        // The original's retrospective: bull_state_dominance recent 39% of 59 vs historical 79% of 240.
        RegimeTestResult r = RegimeTest.DEFAULT.test(23, 59, 190, 240);
        assertThat(r.method()).isEqualTo(RegimeTest.Method.Z_POOLED);
        assertThat(r.difference()).isCloseTo(23.0 / 59 - 190.0 / 240, within(1e-15));
        assertThat(r.z()).isCloseTo(-6.109099611372876, within(1e-9));
        assertThat(r.pValue()).isCloseTo(1.001947811738705e-09, within(1e-15));
        assertThat(r.decision()).isEqualTo(RegimeTestResult.Decision.SHIFT_DOWN);
        assertThat(r.shifted()).isTrue();
        RegimeTestResult exact = new RegimeTest(5, 0.05, RegimeTest.Method.FISHER_EXACT).test(23, 59, 190, 240);
        // R fisher.test(matrix(c(23, 190, 36, 50), 2)) p = 1.0069e-08
        assertThat(exact.pValue()).isCloseTo(1.0069021554480482e-08, within(1e-13));
        assertThat(exact.decision()).isEqualTo(RegimeTestResult.Decision.SHIFT_DOWN);
    }

    @Test
    void shouldUseFisherForSmallCountsAndRespectMinimumN() {
        // 1 of 8 vs 7 of 9: smallest expected cell 8 * 8 / 17 = 3.8 < 5; R fisher.test(matrix(c(1, 7, 7, 2), 2)) p = 0.01522
        RegimeTestResult small = RegimeTest.DEFAULT.test(1, 8, 7, 9);
        assertThat(small.method()).isEqualTo(RegimeTest.Method.FISHER_EXACT);
        assertThat(small.pValue()).isCloseTo(0.015220074043603458, within(1e-12));
        assertThat(small.decision()).isEqualTo(RegimeTestResult.Decision.SHIFT_DOWN);
        RegimeTestResult tooFew = RegimeTest.DEFAULT.test(0, 4, 30, 40);
        assertThat(tooFew.decision()).isEqualTo(RegimeTestResult.Decision.INSUFFICIENT_DATA);
        assertThat(tooFew.pValue()).isNaN();
        assertThat(tooFew.recentRate()).isZero();
    }

    @Test
    void shouldNotCallAFifteenPointGapOnSmallSamplesAShift() {
        // The original rule fired at a 15-point gap with n >= 5: 4/6 vs 5/10 is 16.7 points and no evidence.
        RegimeTestResult r = RegimeTest.DEFAULT.test(4, 6, 5, 10);
        assertThat(r.difference()).isGreaterThan(0.15);
        assertThat(r.decision()).isEqualTo(RegimeTestResult.Decision.NO_SHIFT);
        assertThat(r.pValue()).isGreaterThan(0.5);
    }

    @Test
    void shouldGiveTinyOneSidedBinomialPValuesAsRDoesNotZero() {
        // R: binom.test(90, 100, 0.5, alternative = "greater")$p.value = 1.531645e-17
        assertThat(BinomialTests.pValueGreater(90, 100, 0.5)).isCloseTo(1.531645e-17, within(1e-21));
        // R: pbinom(59, 100, 0.2, lower.tail = FALSE) = 2.515819e-18
        assertThat(BinomialTests.pValueGreater(60, 100, 0.2)).isCloseTo(2.515819e-18, within(1e-23));
        // the two-sided value of the same count is computed without cancellation and is about twice the one-sided one
        assertThat(BinomialTests.pValueGreater(90, 100, 0.5))
                .isCloseTo(BinomialTests.pValueTwoSided(90, 100, 0.5) / 2, within(1e-21));
    }

    @Test
    void shouldGiveTinyLowerBinomialTailsAndTheEdgesExactly() {
        // R: binom.test(10, 100, 0.5, alternative = "less")$p.value = 1.531645e-17; pbinom(40, 100, 0.8) = 2.515819e-18
        assertThat(BinomialTests.pValueLess(10, 100, 0.5)).isCloseTo(1.531645e-17, within(1e-21));
        assertThat(BinomialTests.pValueLess(40, 100, 0.8)).isCloseTo(2.515819e-18, within(1e-23));
        assertThat(BinomialTests.pValueGreater(0, 10, 0.3)).isEqualTo(1);
        assertThat(BinomialTests.pValueLess(10, 10, 0.3)).isEqualTo(1);
        assertThat(BinomialTests.pValueGreater(1, 10, 0)).isZero();
        assertThat(BinomialTests.pValueLess(9, 10, 1)).isZero();
        assertThat(BinomialTests.pValueGreater(10, 10, 1)).isEqualTo(1);
        assertThat(BinomialTests.pValueGreater(10, 10, 0.5)).isCloseTo(Math.pow(0.5, 10), within(1e-18));
    }
}
