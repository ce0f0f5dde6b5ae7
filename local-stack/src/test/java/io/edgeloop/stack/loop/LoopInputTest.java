package io.edgeloop.stack.loop;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LoopInputTest {

    private static final Path MARKET_DATA = Path.of(System.getProperty("edgeloop.data.dir", "../../shared/data"));
    private static final LocalDate FROM = LocalDate.of(2020, 3, 1);
    private static final LocalDate TO = LocalDate.of(2020, 6, 30);

    @TempDir
    Path run;

    private LoopSettings settings(Path data, LocalDate from, LocalDate to) {
        return new LoopSettings(data, run, 0, List.of("XLK"), from, to, false, false, 0, LoopSettings.DEFAULT_TIMEOUT);
    }

    @Test
    void shouldReadTheMarketDataFolderItselfWithOrWithoutADateRange() {
        for (LoopSettings settings : List.of(settings(MARKET_DATA, null, null), settings(MARKET_DATA, FROM, TO))) {
            LoopInput input = LoopInput.prepare(settings);

            assertThat(input.marketData()).isEqualTo(MARKET_DATA.toAbsolutePath().normalize());
            assertThat(input.sectorsFile()).hasFileName("sectors.json");
        }
        assertThat(run).isEmptyDirectory();
    }

    @Test
    void shouldRefuseAMissingFolder() {
        assertThatThrownBy(() -> LoopInput.prepare(settings(run.resolve("nowhere"), null, null)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("no such market data directory");
    }

    @Test
    void shouldRefuseFromAfterTo() {
        assertThatThrownBy(() -> settings(MARKET_DATA, TO, FROM)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("--from 2020-06-30 is after --to 2020-03-01");
    }
}
