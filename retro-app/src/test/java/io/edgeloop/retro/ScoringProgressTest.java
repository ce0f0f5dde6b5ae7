package io.edgeloop.retro;

import org.junit.jupiter.api.Test;

import java.util.OptionalLong;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

class ScoringProgressTest {

    @Test
    void shouldBeCompleteOnlyBeforeTheEarliestUnscoredCandleOfAnyPartition() {
        ScoringProgress p = new ScoringProgress();
        assertThat(p.scoredThrough()).as("nothing read").isEmpty();
        // partition 0: ticker A up to close 500, then ticker B from close 100 (a file after a file)
        p.read(0, 0, 300);
        p.read(0, 1, 500);
        p.read(0, 2, 100);
        p.read(0, 3, 200);
        p.read(1, 0, 400);

        assertThat(p.scoredThrough()).hasValue(99);
        assertThat(p.slowestPartition()).isZero();

        p.committed(0, 3);
        assertThat(p.scoredThrough()).as("B's second bar (200) is still unscored").hasValue(199);
        p.committed(0, 4);
        assertThat(p.scoredThrough()).as("partition 1 holds it back now").hasValue(399);
        assertThat(p.slowestPartition()).isEqualTo(1);
        p.committed(1, 1);
        assertThat(p.scoredThrough()).isEmpty();
        assertThat(p.slowestPartition()).isEqualTo(-1);

        p.read(1, 0, 50);
        assertThat(p.scoredThrough()).as("a candle below the committed offset is scored already").isEmpty();
        p.committed(1, 0);
        assertThat(p.committed(1)).as("a commit never goes back").isEqualTo(1);
    }

    @Test
    void shouldAgreeWithABruteForceMinimumOverManyReadsAndCommits() {
        Random random = new Random(3);
        ScoringProgress p = new ScoringProgress();
        long[][] times = new long[3][2_000];
        int[] read = new int[3];
        long[] committed = new long[3];
        for (int step = 0; step < 6_000; step++) {
            int partition = random.nextInt(3);
            if (random.nextInt(3) > 0 && read[partition] < times[partition].length) {
                long time = 1_000 + random.nextInt(10_000);
                times[partition][read[partition]] = time;
                p.read(partition, read[partition]++, time);
            } else {
                committed[partition] = Math.min(read[partition], committed[partition] + random.nextInt(50));
                p.committed(partition, committed[partition]);
            }
            long earliest = Long.MAX_VALUE;
            for (int q = 0; q < 3; q++) {
                for (long o = committed[q]; o < read[q]; o++) {
                    earliest = Math.min(earliest, times[q][(int) o]);
                }
            }
            OptionalLong expected = earliest == Long.MAX_VALUE ? OptionalLong.empty() : OptionalLong.of(earliest - 1);
            assertThat(p.scoredThrough()).as("step %d", step).isEqualTo(expected);
        }
    }
}
