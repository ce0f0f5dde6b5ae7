package io.edgeloop.core.indicators;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class SqueezeTest {

    private static final double EPS = 1e-12;

    @Test
    void shouldComputeBollingerWithSmaBasisAndPopulationStdev() {
        Bollinger bb = new Bollinger(3, 2);
        bb.update(10);
        bb.update(10.1);
        assertThat(bb.upper()).isNaN();
        bb.update(10);
        double mean = 30.1 / 3;
        double sd = Math.sqrt((2 * Math.pow(10 - mean, 2) + Math.pow(10.1 - mean, 2)) / 3);
        assertThat(bb.basis()).isCloseTo(mean, within(EPS));
        assertThat(bb.stdev()).isCloseTo(sd, within(EPS));
        assertThat(bb.upper()).isCloseTo(mean + 2 * sd, within(EPS));
        assertThat(bb.lower()).isCloseTo(mean - 2 * sd, within(EPS));
    }

    /** Length 3, Bollinger x2, Keltner x1.5 around the same SMA basis. */
    @Test
    void shouldTurnOnInsideKeltnerAndReleaseWhenBollingerBreaksOut() {
        Squeeze sq = new Squeeze(3, 2, 1.5);
        assertThat(sq.update(10.5, 9.5, 10)).isNaN();
        assertThat(sq.update(10.6, 9.6, 10.1)).isNaN();
        assertThat(sq.release()).isNaN();

        // closes 10, 10.1, 10: 2 sd = 0.094 < 1.5 x ATR(3) = 1.5 x 1 -> on
        assertThat(sq.update(10.4, 9.4, 10)).isEqualTo(1.0);
        assertThat(sq.atr()).isCloseTo(1.0, within(EPS));
        assertThat(sq.kcUpper()).isCloseTo(30.1 / 3 + 1.5, within(EPS));
        assertThat(sq.release()).as("no previous state yet").isNaN();

        // close 12.9: closes 10.1, 10, 12.9, mean 11, sd = sqrt(5.42 / 3); TR 3 -> ATR 5/3
        assertThat(sq.update(13, 10, 12.9)).isEqualTo(0.0);
        double sd = Math.sqrt(5.42 / 3);
        assertThat(sq.basis()).isCloseTo(11, within(EPS));
        assertThat(sq.bbUpper()).isCloseTo(11 + 2 * sd, within(EPS));
        assertThat(sq.kcUpper()).isCloseTo(11 + 1.5 * 5 / 3, within(EPS));
        assertThat(sq.kcLower()).isCloseTo(11 - 1.5 * 5 / 3, within(EPS));
        assertThat(sq.release()).isEqualTo(1.0);

        // still off: no new release
        assertThat(sq.update(13, 12.5, 12.8)).isEqualTo(0.0);
        assertThat(sq.atr()).isCloseTo(23.0 / 18, within(EPS));
        assertThat(sq.release()).isEqualTo(0.0);
    }

    @Test
    void shouldRequireBothBandsStrictlyInside() {
        // constant closes: sd 0, bands equal the basis; zero ATR makes the channel a line too.
        Squeeze sq = new Squeeze(2, 2, 1.5);
        sq.update(10, 10, 10);
        assertThat(sq.update(10, 10, 10)).as("bands equal to the channel are not inside").isEqualTo(0.0);
    }
}
