package io.edgeloop.core.candle;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.ZoneId;
import java.time.zone.ZoneRules;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

class ZoneOffsetTableTest {

    private static final ZoneRules NEW_YORK = ZoneId.of("America/New_York").getRules();

    private static int expected(long epochMillis) {
        return NEW_YORK.getOffset(Instant.ofEpochMilli(epochMillis)).getTotalSeconds() * 1000;
    }

    @Test
    void shouldAgreeWithJavaTimeAroundEveryTransitionAndOnRandomInstants() {
        ZoneOffsetTable table = ZoneOffsetTable.NEW_YORK;
        var t = NEW_YORK.nextTransition(Instant.parse("1900-01-01T00:00:00Z"));
        while (t != null && t.getInstant().isBefore(Instant.parse("2200-01-01T00:00:00Z"))) {
            long at = t.toEpochSecond() * 1000;
            for (long d : new long[] {-3_600_001, -1, 0, 1, 3_600_000}) {
                assertThat(table.offsetMillis(at + d)).as("at %d%+d", at, d).isEqualTo(expected(at + d));
            }
            t = NEW_YORK.nextTransition(t.getInstant());
        }
        Random random = new Random(42);
        for (int i = 0; i < 200_000; i++) {
            long ms = (long) ((random.nextDouble() * 2 - 0.5) * 4_000_000_000_000L);
            assertThat(table.offsetMillis(ms)).isEqualTo(table.searchedOffsetMillis(ms));
        }
    }
}
