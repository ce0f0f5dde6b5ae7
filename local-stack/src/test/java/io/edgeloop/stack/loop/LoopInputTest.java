package io.edgeloop.stack.loop;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.edgeloop.core.candle.Candle;
import io.edgeloop.core.candle.CandleFiles;
import io.edgeloop.core.candle.ParsedFile;
import io.edgeloop.core.candle.Timeframe;

class LoopInputTest {

    private static final Path MARKET_DATA = Path.of(System.getProperty("edgeloop.data.dir", "../../shared/data"));
    private static final LocalDate FROM = LocalDate.of(2020, 3, 1);
    private static final LocalDate TO = LocalDate.of(2020, 6, 30);

    @TempDir
    Path run;

    private LoopSettings settings(List<String> tickers, LocalDate from, LocalDate to) {
        return new LoopSettings(MARKET_DATA, run, 0, tickers, from, to, false, false, 0, LoopSettings.DEFAULT_TIMEOUT);
    }

    @Test
    void shouldReadTheMarketDataFolderItselfWithoutADateRange() {
        LoopInput input = LoopInput.prepare(settings(List.of("XLK"), null, null));

        assertThat(input.candlePaths()).containsExactly(MARKET_DATA.toAbsolutePath().normalize());
        assertThat(input.sectorsFile()).hasFileName("sectors.json");
        assertThat(run.resolve("input")).doesNotExist();
    }

    @Test
    void shouldCopyOnlyTheChosenTickersBarsInsideTheDateRange() throws Exception {
        LoopInput input = LoopInput.prepare(settings(List.of("xlk", "GLD"), FROM, TO));

        List<Path> copies;
        try (Stream<Path> walk = Files.walk(input.candlePaths().get(0))) {
            copies = walk.filter(Files::isRegularFile).sorted().toList();
        }
        assertThat(copies).extracting(p -> p.getFileName().toString())
                .contains("XLK-D.csv", "GLD-D.csv", "GLD-1h.csv").allMatch(n -> n.startsWith("XLK-") || n.startsWith("GLD-"));
        for (Path copy : copies) {
            ParsedFile parsed = CandleFiles.read(copy);
            assertThat(parsed.errors()).isEmpty();
            assertThat(parsed.candles()).isNotEmpty().allSatisfy(c -> {
                LocalDate day = LocalDate.ofInstant(Instant.ofEpochMilli(c.openTime()), ZoneOffset.UTC);
                assertThat(day).isBetween(FROM, TO);
            });
        }
        Path etf = copies.stream().filter(p -> p.toString().contains("etf-daily")).findFirst().orElseThrow();
        ParsedFile copied = CandleFiles.read(etf);
        ParsedFile original = CandleFiles.read(MARKET_DATA.resolve("etf-daily").resolve(etf.getParent().getFileName()));
        List<Candle> expected = original.candles().stream().filter(c -> LoopInput.inRange(c, FROM, TO)).toList();
        assertThat(copied.ticker()).isEqualTo("XLK");
        assertThat(copied.interval()).isEqualTo(Timeframe.parse("D").orElseThrow());
        assertThat(copied.candles()).extracting(Candle::openTime, Candle::close)
                .containsExactlyElementsOf(expected.stream().map(c -> org.assertj.core.groups.Tuple.tuple(c.openTime(), c.close()))
                        .toList());
    }

    @Test
    void shouldRefuseADateRangeWithoutBars() {
        assertThatThrownBy(() -> LoopInput.prepare(settings(List.of("XLK"), LocalDate.of(1900, 1, 1), LocalDate.of(1900, 2, 1))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("no bars of [XLK] between 1900-01-01");
    }

    @Test
    void shouldRefuseFromAfterTo() {
        assertThatThrownBy(() -> settings(List.of(), TO, FROM)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("--from 2020-06-30 is after --to 2020-03-01");
    }
}
