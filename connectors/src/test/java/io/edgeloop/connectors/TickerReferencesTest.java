package io.edgeloop.connectors;

import io.edgeloop.core.candle.SectorMap;
import io.edgeloop.schemas.avro.AssetClass;
import io.edgeloop.schemas.avro.SessionCalendar;
import io.edgeloop.schemas.avro.TickerReference;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

class TickerReferencesTest {

    private static SectorMap map;
    private static Map<String, TickerReference> table;

    @BeforeAll
    static void readTheShippedSectorMap() throws IOException {
        map = SectorMap.read(TestData.dir().resolve("sectors.json"));
        table = TickerReferences.build(map, List.of("ES1_", "BTCUSD", "ZZZZ", "AAPL"))
                .stream().collect(Collectors.toMap(TickerReference::getTicker, Function.identity()));
    }

    @Test
    void shouldPublishEveryTickerOfTheMapAndOfTheCandleFilesOnce() {
        assertThat(table.keySet()).containsAll(map.tickers()).contains("ES1!", "BTC-USD", "ZZZZ");
        assertThat(TickerReferences.build(map, List.of("ZZZZ"))).extracting(TickerReference::getTicker)
                .isSorted().doesNotHaveDuplicates();
    }

    @Test
    void shouldSpellSectorsOneWay() {
        assertThat(table.values()).extracting(TickerReference::getSector)
                .doesNotContain("Healthcare", "Technology", SectorMap.UNCLASSIFIED);
        assertThat(table.values()).extracting(TickerReference::getSector).contains("Health Care");
    }

    @Test
    void shouldLeaveATickerOutsideTheMapWithoutASector() {
        TickerReference unknown = table.get("ZZZZ");

        assertThat(unknown.getSector()).isNull();
        assertThat(unknown.getSectorEtf()).isNull();
        assertThat(unknown.getAssetClass()).isEqualTo(AssetClass.EQUITY);
        assertThat(unknown.getCalendar()).isEqualTo(SessionCalendar.US_EQUITY);
    }

    @Test
    void shouldClassifyCryptoFuturesAndSectorEtfs() {
        assertThat(table.get("BTC-USD").getAssetClass()).isEqualTo(AssetClass.CRYPTO);
        assertThat(table.get("BTC-USD").getCalendar()).isEqualTo(SessionCalendar.CRYPTO_24_7);
        assertThat(table.get("ES1!").getAssetClass()).isEqualTo(AssetClass.INDEX);
        assertThat(table.get("XLE").getAssetClass()).isEqualTo(AssetClass.ETF);
        assertThat(table.get("XOM").getSector()).isEqualTo("Energy");
        assertThat(table.get("XOM").getSectorEtf()).isEqualTo("XLE");
    }
}
