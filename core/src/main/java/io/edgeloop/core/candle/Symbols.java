package io.edgeloop.core.candle;

import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The one symbol rule: every ticker that enters edgeloop (file names, vendor fields,
 * {@code sectors.json}, user input) goes through {@link #normalise(String)}, so that one
 * instrument has one key on every topic. Applied in this order:
 * <ol>
 *   <li>trim and upper-case;</li>
 *   <li>drop an exchange or vendor namespace: {@code NASDAQ:AAPL -> AAPL}, and its file-name
 *       form with an underscore for the known namespaces ({@code INDEX_BTCUSD -> BTCUSD});</li>
 *   <li>crypto pairs take the Coinbase form {@code BASE-QUOTE}: {@code BTCUSD}, {@code BTC/USD},
 *       {@code BTC_USD}, {@code XBTUSD} all become {@code BTC-USD} (bases in
 *       {@link #CRYPTO_BASES}, quotes in {@link #CRYPTO_QUOTES}; the crypto files already
 *       use this form);</li>
 *   <li>continuous futures keep TradingView's {@code !}: the file-name spelling {@code ES1_}
 *       becomes {@code ES1!};</li>
 *   <li>class shares take the hyphen form used by the universe files: {@code BRK.B},
 *       {@code BRK/B}, {@code BRK B} become {@code BRK-B};</li>
 *   <li>the result may hold only {@code A-Z 0-9 . - ! ^ =}, else the symbol is rejected.</li>
 * </ol>
 */
public final class Symbols {

    /** Crypto base currencies recognised in pairs ({@code XBT} is read as {@code BTC}). */
    public static final Set<String> CRYPTO_BASES = Set.of(
            "BTC", "XBT", "ETH", "SOL", "XRP", "ADA", "DOGE", "LTC", "BCH", "DOT", "AVAX", "LINK",
            "MATIC", "XLM", "UNI", "ATOM", "ETC", "SHIB", "TRX", "BNB");
    /** Quote currencies recognised in crypto pairs. */
    public static final Set<String> CRYPTO_QUOTES = Set.of("USD", "USDT", "USDC", "EUR", "GBP");

    /** Longest first, so that {@code CME_MINI_} is stripped before {@code CME_}. */
    private static final List<String> NAMESPACES = Stream.of(
                    "INDEX", "NASDAQ", "NYSE", "AMEX", "ARCA", "NYSEARCA", "BATS", "CBOE", "CME", "CME_MINI",
                    "CBOT", "COMEX", "NYMEX", "COINBASE", "BINANCE", "BITSTAMP", "KRAKEN", "TVC")
            .sorted(Comparator.comparingInt(String::length).reversed())
            .toList();
    private static final Pattern PAIR = Pattern.compile("([A-Z]{2,5})[-/_ ]?(USDT|USDC|USD|EUR|GBP)");
    private static final Pattern FUTURE_FILE_FORM = Pattern.compile("([A-Z0-9]{1,5}[1-9])_");
    private static final Pattern CONTINUOUS_FUTURE = Pattern.compile("[A-Z0-9]{1,5}[1-9]!");
    private static final Pattern CLASS_SHARE = Pattern.compile("([A-Z]{1,5})[./ -]([A-Z])");
    private static final Pattern ALLOWED = Pattern.compile("[A-Z0-9^][A-Z0-9.\\-!^=]*");

    private Symbols() {
    }

    /**
     * Normalises a symbol by the rule above.
     *
     * @throws IllegalArgumentException for a null, blank or malformed symbol
     */
    public static String normalise(String raw) {
        if (raw == null || raw.isBlank()) {
            throw new IllegalArgumentException("symbol is empty");
        }
        String s = raw.trim().toUpperCase(Locale.ROOT);
        int colon = s.lastIndexOf(':');
        if (colon >= 0) {
            s = s.substring(colon + 1);
        }
        for (String ns : NAMESPACES) {
            if (s.startsWith(ns + "_") && s.length() > ns.length() + 1) {
                s = s.substring(ns.length() + 1);
                break;
            }
        }
        Matcher pair = PAIR.matcher(s);
        if (pair.matches() && CRYPTO_BASES.contains(pair.group(1))) {
            String base = pair.group(1).equals("XBT") ? "BTC" : pair.group(1);
            return base + "-" + pair.group(2);
        }
        Matcher future = FUTURE_FILE_FORM.matcher(s);
        if (future.matches()) {
            return future.group(1) + "!";
        }
        Matcher share = CLASS_SHARE.matcher(s);
        if (share.matches()) {
            return share.group(1) + "-" + share.group(2);
        }
        if (!ALLOWED.matcher(s).matches()) {
            throw new IllegalArgumentException("symbol '" + raw + "' has characters outside A-Z 0-9 . - ! ^ =");
        }
        return s;
    }

    /** True for a normalised crypto pair such as {@code BTC-USD}. */
    public static boolean isCryptoPair(String normalised) {
        Matcher pair = PAIR.matcher(normalised);
        return pair.matches() && CRYPTO_BASES.contains(pair.group(1));
    }

    /** True for a normalised continuous future such as {@code ES1!}. */
    public static boolean isContinuousFuture(String normalised) {
        return CONTINUOUS_FUTURE.matcher(normalised).matches();
    }
}
