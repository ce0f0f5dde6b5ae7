package io.edgeloop.connectors;

import io.edgeloop.core.candle.Candle;
import io.edgeloop.core.candle.Timeframe;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class SeriesChainTest {

    private static final long DAY = 86_400_000L;

    private static SeriesChain.FileBars file(String name, double price, int firstDay, int lastDay) {
        List<Candle> bars = java.util.stream.IntStream.rangeClosed(firstDay, lastDay)
                .mapToObj(d -> new Candle("ACME", Timeframe.D1, d * DAY, price, price, price, price, 1, name)).toList();
        return new SeriesChain.FileBars(Path.of(name), bars);
    }

    @Test
    void shouldTakeEachPeriodFromTheEarliestStartingFileAndExtendWithLaterOnes() {
        SeriesChain.Chained chained = SeriesChain.chain(List.of(
                file("b-adjusted", 2, 10, 30),
                file("a-history", 1, 1, 20),
                file("c-recent", 3, 25, 35)));

        assertThat(chained.bars()).extracting(Candle::source).containsExactlyElementsOf(java.util.stream.Stream.of(
                java.util.Collections.nCopies(20, "a-history"), java.util.Collections.nCopies(10, "b-adjusted"),
                java.util.Collections.nCopies(5, "c-recent")).flatMap(List::stream).toList());
        assertThat(chained.skipped()).isEqualTo(11 + 6);
    }

    @Test
    void shouldPreferTheLongerFileWhenTwoStartTogether() {
        SeriesChain.Chained chained = SeriesChain.chain(List.of(file("a-short", 1, 1, 5), file("b-long", 2, 1, 9)));

        assertThat(chained.bars()).extracting(Candle::source).containsOnly("b-long").hasSize(9);
    }

    @Test
    void shouldIgnoreEmptyFiles() {
        SeriesChain.Chained chained = SeriesChain.chain(List.of(new SeriesChain.FileBars(Path.of("empty"), List.of()),
                file("a", 1, 1, 3)));

        assertThat(chained.bars()).hasSize(3);
        assertThat(chained.skipped()).isZero();
    }
}
