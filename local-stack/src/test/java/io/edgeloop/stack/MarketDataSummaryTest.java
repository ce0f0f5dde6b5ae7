package io.edgeloop.stack;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;

class MarketDataSummaryTest {

    private static final Path DATA = Path.of(System.getProperty("edgeloop.data.dir", "../../shared/data"));

    @Test
    void shouldCountTheDataFilesInEachFolderOfTheRealMarketData() {
        MarketDataSummary summary = MarketDataSummary.of(DATA);

        assertThat(summary.folders()).contains(
                new MarketDataSummary.Folder("universe-daily", 238),
                new MarketDataSummary.Folder("etf-daily", 36));
        assertThat(summary.totalFiles()).isGreaterThanOrEqualTo(238 + 36);
    }
}
