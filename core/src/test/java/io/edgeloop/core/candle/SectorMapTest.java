package io.edgeloop.core.candle;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class SectorMapTest {

    private static SectorMap map;

    @BeforeAll
    static void read() throws IOException {
        map = SectorMap.read(TestData.file("sectors.json"));
    }

    @Test
    void shouldSpellHealthCareOneWay() {
        assertThat(map.sector("UNH")).isEqualTo("Health Care");
        assertThat(map.sector("AMGN")).isEqualTo("Health Care");
        assertThat(map.sectors()).doesNotContain("Healthcare", "Basic Materials").contains("Health Care", "Materials");
        assertThat(SectorMap.normaliseSector("HEALTHCARE")).isEqualTo("Health Care");
        assertThat(SectorMap.normaliseSector("Consumer Cyclical")).isEqualTo("Consumer Discretionary");
        assertThat(SectorMap.normaliseSector("Space Mining")).isEqualTo("Space Mining");
    }

    @Test
    void shouldFindSectorEtfsWhateverTheSectorSpelling() {
        assertThat(map.sectorEtf("Healthcare")).contains("XLV");
        assertThat(map.sectorEtf("health care")).contains("XLV");
        assertThat(map.sectorEtf("Basic Materials")).contains("XLB");
        assertThat(map.sectorEtf("Crypto")).isEmpty();
    }

    @Test
    void shouldLookTickersUpUnderTheSymbolRule() {
        assertThat(map.sector("BTCUSD")).isEqualTo("Crypto");
        assertThat(map.sector("BTC-USD")).isEqualTo("Crypto");
        assertThat(map.tickers()).contains("BTC-USD", "ETH-USD").doesNotContain("BTCUSD");
    }

    @Test
    void shouldCallUnknownTickersUnclassified() {
        assertThat(map.sector("DELL")).isEqualTo(SectorMap.UNCLASSIFIED);
        List<String> unclassified = TestData.universeFiles().stream()
                .map(p -> TestData.read(dirRelative(p)).ticker())
                .filter(t -> map.sector(t).equals(SectorMap.UNCLASSIFIED))
                .sorted().toList();
        assertThat(unclassified).containsExactly("BK", "CL1!", "DELL", "ES1!", "GC1!", "IGV", "NQ1!", "P", "PCI",
                "RTY1!", "SI1!", "SPX", "US500", "VX1!", "YM1!");
    }

    @Test
    void shouldApplyTheDocumentedOverrides() {
        assertThat(map.sector("CRWV")).isEqualTo("Information Technology");
        assertThat(map.sector("NBIS")).isEqualTo("Information Technology");
        assertThat(map.sector("BMNR")).isEqualTo("Crypto");
        SectorMap tiny = SectorMap.of(Map.of("AAPL", "Technology"), Map.of("Tech", "xlk"));
        assertThat(tiny.sector("aapl")).isEqualTo("Information Technology");
        assertThat(tiny.sectorEtf("Information Technology")).contains("XLK");
        assertThat(tiny.tickers()).containsExactly("AAPL");
    }

    @Test
    void shouldInferAssetClasses() {
        assertThat(map.assetClass("BTCUSD")).isEqualTo(AssetClass.CRYPTO);
        assertThat(map.assetClass("ES1!")).isEqualTo(AssetClass.FUTURE);
        assertThat(map.assetClass("SPX")).isEqualTo(AssetClass.INDEX);
        assertThat(map.assetClass("US500")).isEqualTo(AssetClass.INDEX);
        assertThat(map.assetClass("SPY")).isEqualTo(AssetClass.ETF);
        assertThat(map.assetClass("GLD")).isEqualTo(AssetClass.ETF);
        assertThat(map.assetClass("XLRE")).isEqualTo(AssetClass.ETF);
        assertThat(map.assetClass("FTEC")).isEqualTo(AssetClass.ETF);
        assertThat(map.assetClass("ETHA")).isEqualTo(AssetClass.ETF);
        assertThat(map.assetClass("AAPL")).isEqualTo(AssetClass.EQUITY);
        assertThat(map.assetClass("DELL")).isEqualTo(AssetClass.EQUITY);
        assertThat(AssetClass.CRYPTO.calendar()).isEqualTo(SessionCalendar.CRYPTO);
        assertThat(AssetClass.EQUITY.calendar()).isEqualTo(SessionCalendar.US_EQUITY);
    }

    private static String dirRelative(Path p) {
        return TestData.dir().relativize(p).toString();
    }
}
