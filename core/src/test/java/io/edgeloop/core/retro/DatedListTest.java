package io.edgeloop.core.retro;

import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;
import java.util.NavigableMap;
import java.util.Random;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;

class DatedListTest {

    private static final LocalDate START = LocalDate.of(2024, 1, 1);

    @Test
    void shouldAppendReplaceAndInsertInDateOrder() {
        DatedList<String> list = new DatedList<>();
        list.put(START.plusDays(2), "c");
        list.put(START.plusDays(5), "f");
        list.put(START, "a");
        list.put(START.plusDays(5), "F");
        list.put(START.plusDays(3), "d");

        assertThat(list.dates()).containsExactly(START, START.plusDays(2), START.plusDays(3), START.plusDays(5));
        assertThat(list.values()).containsExactly("a", "c", "d", "F");
        assertThat(list.lastDate()).isEqualTo(START.plusDays(5));
    }

    @Test
    void shouldDropOnlyTheDatesBeforeTheCutoff() {
        DatedList<String> list = new DatedList<>();
        for (int d = 0; d < 5; d++) {
            list.put(START.plusDays(2L * d), "v" + d);
        }
        list.dropBefore(START.plusDays(4));
        assertThat(list.values()).containsExactly("v2", "v3", "v4");
        list.dropBefore(START.plusDays(5));
        assertThat(list.values()).containsExactly("v3", "v4");
        list.dropBefore(START.plusDays(100));
        assertThat(list.isEmpty()).isTrue();
    }

    @Test
    void shouldHoldWhatATreeMapOfTheSamePutsAndTrimsHolds() {
        Random random = new Random(7);
        DatedList<Integer> list = new DatedList<>();
        NavigableMap<LocalDate, Integer> map = new TreeMap<>();
        for (int i = 0; i < 5_000; i++) {
            LocalDate date = START.plusDays(i / 2 + random.nextInt(6) - 3);
            list.put(date, i);
            map.put(date, i);
            LocalDate cutoff = map.lastKey().minusDays(120);
            list.dropBefore(cutoff);
            map.headMap(cutoff, false).clear();
        }
        assertThat(list.dates()).isEqualTo(List.copyOf(map.keySet()));
        assertThat(list.values()).isEqualTo(List.copyOf(map.values()));
    }
}
