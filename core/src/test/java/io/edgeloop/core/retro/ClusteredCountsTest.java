package io.edgeloop.core.retro;

import io.edgeloop.core.stats.RegimeTest;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class ClusteredCountsTest {

    private static final Logger LOG = LoggerFactory.getLogger(ClusteredCountsTest.class);

    @Test
    void shouldHaveNoDesignEffectWhenEveryTrialIsItsOwnCluster() {
        ClusteredCounts recent = new ClusteredCounts();
        ClusteredCounts prior = new ClusteredCounts();
        SplittableRandom random = new SplittableRandom(1);
        for (int i = 0; i < 400; i++) {
            recent.add(i, random.nextDouble() < 0.4);
            prior.add(1000 + i, random.nextDouble() < 0.6);
        }

        assertThat(ClusteredCounts.designEffect(recent, prior)).isCloseTo(1.0, within(0.01));
    }

    @Test
    void shouldWeighAClusterThatMovesAsOneAsOneObservation() {
        ClusteredCounts recent = new ClusteredCounts();
        ClusteredCounts prior = new ClusteredCounts();
        for (int week = 0; week < 10; week++) {
            for (int ticker = 0; ticker < 20; ticker++) {
                recent.add(week, week % 2 == 0);
                prior.add(100 + week, week % 3 == 0);
            }
        }

        double d = ClusteredCounts.designEffect(recent, prior);

        assertThat(d).as("20 identical outcomes a week are worth about one").isCloseTo(20 * 20 / 18.0, within(0.01));
        assertThat(recent.effectiveN(d)).isEqualTo(9);
        assertThat(recent.effectiveHits(d)).isEqualTo(5);
    }

    @Test
    void shouldNeverMakeATestLessConservative() {
        ClusteredCounts recent = new ClusteredCounts();
        ClusteredCounts prior = new ClusteredCounts();
        for (int week = 0; week < 6; week++) {
            for (int i = 0; i < 10; i++) {
                recent.add(week, i < 5);
                prior.add(10 + week, i < 5);
            }
        }

        assertThat(ClusteredCounts.designEffect(recent, prior)).as("clusters more alike than chance").isEqualTo(1.0);
        assertThat(ClusteredCounts.designEffect(new ClusteredCounts(), new ClusteredCounts())).isEqualTo(1.0);
    }

    /**
     * Calibration under clustering: weeks share a market effect (each week's UP rate drawn
     * around 50%), the two windows do not differ. A plain two-proportion test calls a shift in
     * far more than 5% of the runs; the design-effect test stays near its level.
     */
    @Test
    void shouldKeepTheFalseShiftRateNearAlphaWhenWeeksMoveTogether() {
        SplittableRandom random = new SplittableRandom(20_200_228L);
        TwoWindowTester tester = new TwoWindowTester(RetroConfig.defaults());
        RegimeTest plain = new RegimeTest(5, 0.05, RegimeTest.Method.AUTO);
        int runs = 2000;
        int adjustedShifts = 0;
        int plainShifts = 0;
        for (int run = 0; run < runs; run++) {
            ClusteredCounts recent = weeks(random, 4, 0);
            ClusteredCounts prior = weeks(random, 9, 100);
            WindowTest t = tester.test(recent, prior);
            adjustedShifts += t.pValue() < 0.05 ? 1 : 0;
            plainShifts += plain.test(recent.hits(), recent.n(), prior.hits(), prior.n()).shifted() ? 1 : 0;
        }

        LOG.info("false shifts under weekly clustering, {} runs: plain test {}, design-effect test {}", runs,
                (double) plainShifts / runs, (double) adjustedShifts / runs);
        assertThat((double) plainShifts / runs).as("plain test").isGreaterThan(0.40);
        assertThat((double) adjustedShifts / runs).as("design-effect test").isBetween(0.01, 0.09);
    }

    private static ClusteredCounts weeks(SplittableRandom random, int weeks, int firstWeek) {
        ClusteredCounts c = new ClusteredCounts();
        for (int w = 0; w < weeks; w++) {
            double rate = 0.5 + (random.nextDouble() - 0.5) * 0.7;
            for (int move = 0; move < 30; move++) {
                c.add(firstWeek + w, random.nextDouble() < rate);
            }
        }
        return c;
    }
}
