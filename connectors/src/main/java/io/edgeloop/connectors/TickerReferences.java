package io.edgeloop.connectors;

import io.edgeloop.core.candle.AssetClass;
import io.edgeloop.core.candle.SectorMap;
import io.edgeloop.core.candle.Symbols;
import io.edgeloop.schemas.avro.SessionCalendar;
import io.edgeloop.schemas.avro.TickerReference;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.TreeSet;

/**
 * The reference table: one {@link TickerReference} per ticker of the sector map and of the
 * candle files, sorted by ticker.
 *
 * <ul>
 *   <li>sector: the map's sector with the spelling normalised by {@link SectorMap} (its class
 *       doc has the table: "Healthcare" and "Health Care" become "Health Care", "Technology"
 *       becomes "Information Technology", and so on, plus three documented overrides); a ticker
 *       the map does not classify gets {@code null}, as the TickerReference schema specifies
 *       (counted in market breadth, in no sector), not the in-memory
 *       {@value SectorMap#UNCLASSIFIED};</li>
 *   <li>sector ETF: the map's ETF of that sector, or null;</li>
 *   <li>asset class: {@link SectorMap#assetClass}; a continuous future ({@code ES1!}) is published
 *       as {@code INDEX}, because the schema's enum has no future symbol (daily bars on the
 *       US-equity calendar, like an index);</li>
 *   <li>calendar: the asset class's calendar; {@code CRYPTO} is the schema's {@code CRYPTO_24_7}.</li>
 * </ul>
 */
final class TickerReferences {

    private TickerReferences() {
    }

    static List<TickerReference> build(SectorMap map, Collection<String> candleTickers) {
        TreeSet<String> tickers = new TreeSet<>(map.tickers());
        for (String t : candleTickers) {
            tickers.add(Symbols.normalise(t));
        }
        List<TickerReference> out = new ArrayList<>(tickers.size());
        for (String ticker : tickers) {
            out.add(reference(map, ticker));
        }
        return out;
    }

    static TickerReference reference(SectorMap map, String ticker) {
        String sector = map.sector(ticker);
        boolean classified = !sector.equals(SectorMap.UNCLASSIFIED);
        AssetClass assetClass = map.assetClass(ticker);
        return TickerReference.newBuilder()
                .setTicker(ticker)
                .setSector(classified ? sector : null)
                .setAssetClass(avro(assetClass))
                .setCalendar(assetClass.calendar() == io.edgeloop.core.candle.SessionCalendar.CRYPTO
                        ? SessionCalendar.CRYPTO_24_7 : SessionCalendar.US_EQUITY)
                .setSectorEtf(classified ? map.sectorEtf(sector).orElse(null) : null)
                .build();
    }

    private static io.edgeloop.schemas.avro.AssetClass avro(AssetClass assetClass) {
        return switch (assetClass) {
            case EQUITY -> io.edgeloop.schemas.avro.AssetClass.EQUITY;
            case ETF -> io.edgeloop.schemas.avro.AssetClass.ETF;
            case CRYPTO -> io.edgeloop.schemas.avro.AssetClass.CRYPTO;
            case FUTURE, INDEX -> io.edgeloop.schemas.avro.AssetClass.INDEX;
        };
    }
}
