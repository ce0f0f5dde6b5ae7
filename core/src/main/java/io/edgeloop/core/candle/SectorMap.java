package io.edgeloop.core.candle;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Ticker reference data from {@code sectors.json}: {@code SECTOR_MAP} (ticker to sector) and
 * {@code SECTOR_ETF_MAP} (sector to sector ETF), with tickers normalised by
 * {@link Symbols#normalise(String)} and sector names by {@link #normaliseSector(String)}.
 *
 * <p>Sector names are the GICS spellings, whatever the source wrote:
 * <table>
 *   <caption>Sector spelling table (matched ignoring case, spaces and punctuation)</caption>
 *   <tr><th>written</th><th>normalised</th></tr>
 *   <tr><td>Health Care, Healthcare</td><td>Health Care</td></tr>
 *   <tr><td>Information Technology, Technology, Tech</td><td>Information Technology</td></tr>
 *   <tr><td>Basic Materials, Materials</td><td>Materials</td></tr>
 *   <tr><td>Consumer Discretionary, Consumer Cyclical</td><td>Consumer Discretionary</td></tr>
 *   <tr><td>Consumer Staples, Consumer Defensive</td><td>Consumer Staples</td></tr>
 *   <tr><td>Communication Services, Communications, Telecommunications</td><td>Communication Services</td></tr>
 *   <tr><td>Financials, Financial, Financial Services</td><td>Financials</td></tr>
 *   <tr><td>Industrials, Energy, Utilities, Real Estate</td><td>unchanged</td></tr>
 *   <tr><td>ETF, Commodity ETF, Crypto, Precious Metals</td><td>unchanged: the original
 *       model's non-GICS groups, kept so its sector signals mean the same</td></tr>
 * </table>
 * Any other name is kept as written (trimmed). A ticker outside the map is
 * {@value #UNCLASSIFIED}.
 *
 * <p>{@link #OVERRIDES} corrects the map's plainly wrong entries (documented per ticker); it is
 * applied after reading and is the only place where edgeloop disagrees with the file.
 */
public final class SectorMap {

    /** Sector of a ticker the map does not know. */
    public static final String UNCLASSIFIED = "Unclassified";

    /**
     * Sector corrections: CRWV (CoreWeave, an AI cloud provider) and NBIS (Nebius Group, AI
     * infrastructure) are listed as "Healthcare"; BMNR (Bitmine Immersion Technologies, an
     * ether treasury company whose price follows ETH) is listed as "Healthcare".
     */
    public static final Map<String, String> OVERRIDES = Map.of(
            "CRWV", "Information Technology",
            "NBIS", "Information Technology",
            "BMNR", "Crypto");

    /** Funds the map does not mark as "ETF": the shipped sector-ETF files and known funds. */
    static final Set<String> KNOWN_ETFS = Set.of(
            "FCOM", "FDIS", "FENY", "FHLC", "FIDU", "FMAT", "FNCL", "FREL", "FSTA", "FTEC", "FUTY",
            "RSPC", "RSPD", "RSPF", "RSPG", "RSPH", "RSPM", "RSPN", "RSPR", "RSPS", "RSPT", "RSPU",
            "SMH", "SOXX", "XSD", "IGV", "GDX", "IAU", "AGQ", "ETHA", "GRNY", "GLD", "SLV", "USO", "VIXY");
    static final Set<String> INDEX_SYMBOLS = Set.of(
            "SPX", "US500", "NDX", "US100", "DJI", "US30", "RUT", "VIX", "COMP");

    private static final Map<String, String> SPELLINGS = spellings();
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Map<String, String> sectorByTicker;
    private final Map<String, String> etfBySector;

    private SectorMap(Map<String, String> sectorByTicker, Map<String, String> etfBySector) {
        this.sectorByTicker = Collections.unmodifiableMap(sectorByTicker);
        this.etfBySector = Collections.unmodifiableMap(etfBySector);
    }

    /**
     * Reads a {@code sectors.json} file.
     *
     * @throws IOException when the file cannot be read or lacks {@code SECTOR_MAP}
     */
    public static SectorMap read(Path sectorsJson) throws IOException {
        JsonNode root = JSON.readTree(sectorsJson.toFile());
        JsonNode map = root.get("SECTOR_MAP");
        if (map == null || !map.isObject()) {
            throw new IOException(sectorsJson.getFileName() + " has no SECTOR_MAP object");
        }
        JsonNode etfs = root.path("SECTOR_ETF_MAP");
        return of(strings(map), etfs.isObject() ? strings(etfs) : Map.of());
    }

    /** Builds a map from raw spellings; tickers and sectors are normalised, then overrides applied. */
    public static SectorMap of(Map<String, String> tickerToSector, Map<String, String> sectorToEtf) {
        Map<String, String> sectors = new LinkedHashMap<>();
        tickerToSector.forEach((ticker, sector) -> sectors.put(Symbols.normalise(ticker), normaliseSector(sector)));
        OVERRIDES.forEach((ticker, sector) -> {
            if (sectors.containsKey(ticker)) {
                sectors.put(ticker, sector);
            }
        });
        Map<String, String> etfs = new LinkedHashMap<>();
        sectorToEtf.forEach((sector, etf) -> etfs.put(normaliseSector(sector), Symbols.normalise(etf)));
        return new SectorMap(sectors, etfs);
    }

    /** The normalised spelling of a sector name (see the table above). */
    public static String normaliseSector(String raw) {
        if (raw == null || raw.isBlank()) {
            return UNCLASSIFIED;
        }
        String key = raw.toLowerCase(Locale.ROOT).replaceAll("[^a-z]", "");
        return SPELLINGS.getOrDefault(key, raw.trim());
    }

    /** Sector of a ticker (any spelling of it), or {@value #UNCLASSIFIED}. */
    public String sector(String ticker) {
        return sectorByTicker.getOrDefault(Symbols.normalise(ticker), UNCLASSIFIED);
    }

    /** The ETF that stands for a sector, if the map names one. */
    public Optional<String> sectorEtf(String sector) {
        return Optional.ofNullable(etfBySector.get(normaliseSector(sector)));
    }

    /**
     * The instrument kind: a crypto pair; a continuous future ({@code X1!}); a cash index or
     * index CFD ({@link #INDEX_SYMBOLS}); an ETF when its sector is "ETF" or "Commodity ETF",
     * when it is a sector ETF of {@code SECTOR_ETF_MAP}, or when it is one of
     * {@link #KNOWN_ETFS}; otherwise an equity.
     */
    public AssetClass assetClass(String ticker) {
        String t = Symbols.normalise(ticker);
        if (Symbols.isCryptoPair(t)) {
            return AssetClass.CRYPTO;
        }
        if (Symbols.isContinuousFuture(t)) {
            return AssetClass.FUTURE;
        }
        if (INDEX_SYMBOLS.contains(t) || t.startsWith("^")) {
            return AssetClass.INDEX;
        }
        String sector = sectorByTicker.getOrDefault(t, UNCLASSIFIED);
        if (sector.equals("ETF") || sector.equals("Commodity ETF")
                || etfBySector.containsValue(t) || KNOWN_ETFS.contains(t)) {
            return AssetClass.ETF;
        }
        return AssetClass.EQUITY;
    }

    /** Every ticker of the map, normalised, sorted. */
    public Set<String> tickers() {
        return Collections.unmodifiableSet(new TreeSet<>(sectorByTicker.keySet()));
    }

    /** Every sector name in use, normalised, sorted. */
    public Set<String> sectors() {
        return Collections.unmodifiableSet(new TreeSet<>(sectorByTicker.values()));
    }

    private static Map<String, String> strings(JsonNode object) {
        Map<String, String> out = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> e : object.properties()) {
            out.put(e.getKey(), e.getValue().asText());
        }
        return out;
    }

    private static Map<String, String> spellings() {
        Map<String, String> m = new LinkedHashMap<>();
        alias(m, "Health Care", "healthcare");
        alias(m, "Information Technology", "technology", "tech");
        alias(m, "Materials", "basicmaterials");
        alias(m, "Consumer Discretionary", "consumercyclical");
        alias(m, "Consumer Staples", "consumerdefensive");
        alias(m, "Communication Services", "communications", "telecommunications");
        alias(m, "Financials", "financial", "financialservices");
        alias(m, "Industrials");
        alias(m, "Energy");
        alias(m, "Utilities");
        alias(m, "Real Estate");
        alias(m, "ETF");
        alias(m, "Commodity ETF");
        alias(m, "Crypto");
        alias(m, "Precious Metals");
        return Map.copyOf(m);
    }

    private static void alias(Map<String, String> m, String name, String... others) {
        m.put(name.toLowerCase(Locale.ROOT).replaceAll("[^a-z]", ""), name);
        for (String other : others) {
            m.put(other, name);
        }
    }
}
