package io.edgeloop.core.rules;

import io.edgeloop.core.snapshot.Field;
import io.edgeloop.core.snapshot.FieldType;
import io.edgeloop.core.snapshot.Fields;
import io.edgeloop.core.snapshot.Snapshot;
import org.junit.jupiter.api.Test;

import java.lang.management.ManagementFactory;
import java.util.List;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CompiledPatternSetTest {

    /** Snapshots with every field present, values spread over each field's range, seeded. */
    private static Snapshot[] randomSnapshots(int count, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        Snapshot[] snapshots = new Snapshot[count];
        for (int i = 0; i < count; i++) {
            Snapshot s = new Snapshot();
            for (Field f : Fields.all()) {
                double hi = f.max() == Double.MAX_VALUE ? f.min() + 1000 : f.max();
                double x = f.min() + random.nextDouble() * (hi - f.min());
                s.set(f, f.type() == FieldType.NUMBER ? x : Math.rint(x));
            }
            snapshots[i] = s;
        }
        return snapshots;
    }

    private static long allocatedBytes() {
        return ((com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean()).getCurrentThreadAllocatedBytes();
    }

    @Test
    void shouldMatchTheSeedsWithoutAllocatingInSteadyState() {
        CompiledPatternSet set = CompiledPatternSet.of(SeedPatterns.all());
        Snapshot[] snapshots = randomSnapshots(1024, 42);
        int[] out = new int[set.size()];
        long sink = 0;
        for (int i = 0; i < 200_000; i++) {
            sink += set.match(snapshots[i & 1023], out);
        }
        int rounds = 1_000_000;
        long bytesBefore = allocatedBytes();
        for (int i = 0; i < rounds; i++) {
            sink += set.match(snapshots[i & 1023], out);
        }
        long bytes = allocatedBytes() - bytesBefore;
        assertThat(sink).isPositive();
        // one allocation per match would be >= 16 MB; the bound leaves room for the measurement itself
        assertThat(bytes).as("bytes allocated over %d matches", rounds).isLessThan(64 * 1024);
    }

    @Test
    void shouldNameThePatternWhoseRuleIsInvalid() {
        PatternDefinition bad = SeedPatterns.byId("htf_collapse").orElseThrow();
        PatternDefinition broken = new PatternDefinition("broken", "Broken", "", Direction.UP, PatternStatus.CANDIDATE, 1,
                PatternOrigin.OPERATOR, Rule.gte("htf_score", 55), bad.stats(), bad.reference());
        assertThatThrownBy(() -> CompiledPatternSet.of(List.of(bad, broken)))
                .isInstanceOf(InvalidRuleException.class)
                .hasMessageContaining("broken:$.rule");
    }

    @Test
    void shouldRequireRoomForEveryPattern() {
        CompiledPatternSet set = CompiledPatternSet.of(SeedPatterns.all());
        assertThatThrownBy(() -> set.match(new Snapshot(), new int[3])).hasMessageContaining("needs 17 slots");
    }
}
