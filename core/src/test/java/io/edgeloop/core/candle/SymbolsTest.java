package io.edgeloop.core.candle;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SymbolsTest {

    @Test
    void shouldUpperCaseAndTrim() {
        assertThat(Symbols.normalise("  spy ")).isEqualTo("SPY");
    }

    @Test
    void shouldWriteEveryCryptoPairSpellingInCoinbaseForm() {
        assertThat(Symbols.normalise("BTC-USD")).isEqualTo("BTC-USD");
        assertThat(Symbols.normalise("BTCUSD")).isEqualTo("BTC-USD");
        assertThat(Symbols.normalise("btc/usd")).isEqualTo("BTC-USD");
        assertThat(Symbols.normalise("INDEX_BTCUSD")).isEqualTo("BTC-USD");
        assertThat(Symbols.normalise("COINBASE:ETHUSD")).isEqualTo("ETH-USD");
        assertThat(Symbols.normalise("XBTUSD")).isEqualTo("BTC-USD");
        assertThat(Symbols.normalise("SOLUSDT")).isEqualTo("SOL-USDT");
    }

    @Test
    void shouldNotTakeFundsWithCryptoNamesForPairs() {
        assertThat(Symbols.normalise("ETHA")).isEqualTo("ETHA");
        assertThat(Symbols.isCryptoPair("ETHA")).isFalse();
        assertThat(Symbols.isCryptoPair("BTC-USD")).isTrue();
    }

    @Test
    void shouldWriteClassSharesWithAHyphen() {
        assertThat(Symbols.normalise("BRK.B")).isEqualTo("BRK-B");
        assertThat(Symbols.normalise("BRK/B")).isEqualTo("BRK-B");
        assertThat(Symbols.normalise("brk b")).isEqualTo("BRK-B");
        assertThat(Symbols.normalise("BRK-B")).isEqualTo("BRK-B");
    }

    @Test
    void shouldRestoreTheBangOfContinuousFuturesFromFileNames() {
        assertThat(Symbols.normalise("ES1_")).isEqualTo("ES1!");
        assertThat(Symbols.normalise("RTY1!")).isEqualTo("RTY1!");
        assertThat(Symbols.isContinuousFuture("GC1!")).isTrue();
    }

    @Test
    void shouldDropExchangeNamespaces() {
        assertThat(Symbols.normalise("NASDAQ:AAPL")).isEqualTo("AAPL");
        assertThat(Symbols.normalise("CME_MINI_ES1!")).isEqualTo("ES1!");
    }

    @Test
    void shouldBeIdempotent() {
        for (String s : new String[] {"BTCUSD", "BRK.B", "ES1_", "US500", "^GSPC", "ES=F", "X"}) {
            String once = Symbols.normalise(s);
            assertThat(Symbols.normalise(once)).as(s).isEqualTo(once);
        }
    }

    @Test
    void shouldRejectEmptyAndMalformedSymbols() {
        assertThatThrownBy(() -> Symbols.normalise(" ")).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("symbol is empty");
        assertThatThrownBy(() -> Symbols.normalise(null)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Symbols.normalise("SP Y$")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'SP Y$'");
    }
}
