package io.edgeloop.streams;

import org.junit.jupiter.api.Test;

import java.util.Arrays;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** What a ticker task keeps of its input marks: the rule, and the stored form a restart reads. */
class HeldMarksTest {

    @Test
    void shouldHoldAMarkUntilTheTaskReachesItsOffsetAndKeepTheOrder() {
        HeldMarks marks = new HeldMarks();
        assertThat(marks.hold(100, -1, "no-header")).as("a mark without an offset").isFalse();
        assertThat(marks.hold(100, 0, "nothing-vouched")).isFalse();
        assertThat(marks.hold(200, 3, "a")).isTrue();
        assertThat(marks.hold(300, 1, "b")).as("behind a held one, even when reached").isTrue();
        marks.took(1);
        assertThat(marks.release()).isNull();
        marks.took(2);
        assertThat(marks.release()).isEqualTo(new HeldMarks.Mark(200, 3, "a"));
        assertThat(marks.release()).isEqualTo(new HeldMarks.Mark(300, 1, "b"));
        assertThat(marks.release()).isNull();
        marks.took(0);
        assertThat(marks.next()).as("offsets only move on").isEqualTo(3);
    }

    @Test
    void shouldReadBackWhatItStored() {
        HeldMarks marks = new HeldMarks();
        marks.took(41);
        marks.hold(CandleInputMarks.END, 50, "loop");
        marks.hold(1_700_000_000_000L, 60, "feeder é");
        HeldMarks read = new HeldMarks();
        read.read(marks.get());
        assertThat(read.next()).isEqualTo(42);
        assertThat(read.held()).isEqualTo(marks.held());
        read.read(null);
        assertThat(read.next()).isZero();
        assertThat(read.held()).isEmpty();
    }

    @Test
    void shouldRefuseAnotherVersionOrATruncatedValue() {
        HeldMarks marks = new HeldMarks();
        marks.hold(5, 9, "loop");
        byte[] stored = marks.get();
        byte[] other = stored.clone();
        other[0] = 7;
        assertThatThrownBy(() -> new HeldMarks().read(other)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("version 7");
        assertThatThrownBy(() -> new HeldMarks().read(Arrays.copyOf(stored, stored.length - 3)))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("truncated");
    }
}
