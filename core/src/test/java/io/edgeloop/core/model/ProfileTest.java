package io.edgeloop.core.model;

import io.edgeloop.core.candle.Timeframe;
import org.junit.jupiter.api.Test;

import java.util.List;

import static io.edgeloop.core.candle.Timeframe.D1;
import static io.edgeloop.core.candle.Timeframe.H1;
import static io.edgeloop.core.candle.Timeframe.H4;
import static io.edgeloop.core.candle.Timeframe.M10;
import static io.edgeloop.core.candle.Timeframe.M15;
import static io.edgeloop.core.candle.Timeframe.M30;
import static io.edgeloop.core.candle.Timeframe.M5;
import static io.edgeloop.core.candle.Timeframe.MN1;
import static io.edgeloop.core.candle.Timeframe.W1;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ProfileTest {

    @Test
    void shouldPickFramesFromTheBaseInterval() {
        assertThat(Profile.forBase(H1)).isEqualTo(new Profile(H1, List.of(H1, H4), List.of(D1, W1), H1));
        assertThat(Profile.forBase(H4)).isEqualTo(new Profile(H4, List.of(H4), List.of(D1, W1), H4));
        assertThat(Profile.forBase(D1)).isEqualTo(new Profile(D1, List.of(D1), List.of(W1, MN1), D1));
        assertThat(Profile.forBase(M5)).isEqualTo(new Profile(M5, List.of(M5, M10, M30, H1), List.of(H4, D1, W1), M30));
        assertThat(Profile.forBase(M15).ltf()).containsExactly(M15, M30, H1);
        assertThat(Profile.forBase(M30).ltf()).containsExactly(M30, H1);
        assertThat(Profile.forBase(H1).aggregated()).containsExactly(H4, D1, W1);
        assertThat(Profile.forBase(H1).describe()).isEqualTo("base=1h ltf=[1h,4h] htf=[D,W] primary=1h");
    }

    @Test
    void shouldRefuseFeedsWithoutLowerFrames() {
        assertThatThrownBy(() -> Profile.forBase(W1)).hasMessageContaining("must be intraday or D");
        assertThatThrownBy(() -> new Profile(H1, List.of(H1), List.of(H1), H1)).hasMessageContaining("both LTF and HTF");
    }

    @Test
    void shouldHaveAPositiveWeightForEveryFrameOfEveryProfile() {
        ModelConfig.Blend blend = ModelConfig.defaults().blend();
        for (Timeframe base : List.of(M5, M10, M15, M30, H1, H4, D1)) {
            Profile p = Profile.forBase(base);
            p.ltf().forEach(tf -> assertThat(blend.ltf().weight(tf)).as("LTF %s of %s", tf, base).isPositive());
            p.htf().forEach(tf -> assertThat(blend.htf().weight(tf)).as("HTF %s of %s", tf, base).isPositive());
        }
    }
}
