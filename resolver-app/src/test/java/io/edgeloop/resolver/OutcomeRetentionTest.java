package io.edgeloop.resolver;

import com.fasterxml.jackson.databind.JsonNode;
import io.edgeloop.core.candle.Candle;
import io.edgeloop.schemas.avro.Direction;
import io.edgeloop.schemas.avro.Prediction;
import io.edgeloop.schemas.avro.TradeEvent;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;

import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import static io.edgeloop.resolver.MarketData.between;
import static io.edgeloop.resolver.MarketData.on;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The stores' retention on real daily bars: with 30 days of retention, SPY's April 2025
 * prediction is forgotten once stream time passes late May, IWM (silent after April) loses its
 * daily bars, and the forgotten prediction, sent again, is refused instead of resolved twice.
 */
class OutcomeRetentionTest {

    private ResolverDriver resolver;
    private final List<Candle> spy = MarketData.history("SPY_D.json");
    private final List<Candle> iwm = MarketData.history("IWM_D.json");

    @BeforeEach
    void start(@TempDir Path stateDir) {
        resolver = new ResolverDriver(ResolverConfig.defaults().withInMemoryStores().withRetention(Duration.ofDays(30)),
                stateDir);
    }

    @AfterEach
    void stop() {
        resolver.close();
    }

    private Prediction resolvedSpyCallOfApril21() {
        Candle entry = on(spy, LocalDate.of(2025, 4, 21));
        resolver.candle(entry);
        resolver.candle(on(iwm, LocalDate.of(2025, 4, 21)));
        Prediction call = TestRecords.prediction(entry, Direction.UP);
        resolver.predict(call);
        resolver.trade(TestRecords.trade("desk:SPY:1", "SPY", call.getId(), call.getBarTime().plusSeconds(3600),
                TradeEvent.OPEN));
        resolver.candles(between(spy, LocalDate.of(2025, 4, 22), LocalDate.of(2025, 4, 28)));
        assertThat(resolver.outcomes()).hasSize(1);
        return call;
    }

    @Test
    void shouldKeepAResolvedPredictionWhileItIsWithinTheRetention() {
        Prediction call = resolvedSpyCallOfApril21();

        resolver.candles(between(spy, LocalDate.of(2025, 4, 29), LocalDate.of(2025, 5, 20)));

        assertThat(resolver.contents(ResolverStores.PREDICTIONS)).containsKey(call.getId());
        assertThat(resolver.contents(ResolverStores.OUTCOMES)).containsKey(call.getId());
        assertThat(resolver.contents(ResolverStores.TRADE_LINKS)).containsKey(call.getId());
        assertThat(resolver.contents(ResolverStores.TICKER_DAYS)).containsKeys("SPY", "IWM");
        resolver.predict(call);
        assertThat(resolver.outcomes()).hasSize(1);
    }

    @Test
    void shouldForgetResolvedPredictionsAndSilentTickersOnceStreamTimePassesTheRetention() {
        Prediction call = resolvedSpyCallOfApril21();

        resolver.candles(between(spy, LocalDate.of(2025, 4, 29), LocalDate.of(2025, 6, 6)));

        assertThat(resolver.contents(ResolverStores.PREDICTIONS)).doesNotContainKey(call.getId());
        assertThat(resolver.contents(ResolverStores.OUTCOMES)).doesNotContainKey(call.getId());
        assertThat(resolver.contents(ResolverStores.TRADE_LINKS)).doesNotContainKey(call.getId());
        assertThat(resolver.contents(ResolverStores.TICKER_DAYS)).containsOnlyKeys("SPY");
        JsonNode health = health();
        assertThat(health.get("predictions").asInt()).as("all-time count").isEqualTo(1);
        assertThat(health.at("/outcomes/resolved").asInt()).isEqualTo(1);
        assertThat(health.at("/outcomes/byAction/TRADED/resolved").asInt()).isEqualTo(1);
        assertThat(health.at("/retentionWindow/predictions").asInt()).isZero();
        assertThat(health.at("/retentionWindow/outcomes").asInt()).isZero();
    }

    @Test
    void shouldStartTheAllTimeCountsOfAnUpgradedStoreFromWhatItRemembers() {
        Prediction call = resolvedSpyCallOfApril21();

        resolver.upgradeAdding(ResolverStores.TOTALS);
        assertThat(health().get("predictions").asInt()).isZero();
        resolver.candle(on(spy, LocalDate.of(2025, 4, 29)));

        JsonNode health = health();
        assertThat(health.get("predictions").asInt()).isEqualTo(1);
        assertThat(health.at("/outcomes/resolved").asInt()).isEqualTo(1);
        assertThat(health.at("/outcomes/byTrigger/" + call.getTrigger().name() + "/resolved").asInt()).isEqualTo(1);
    }

    private JsonNode health() {
        return new ResolverQueries(new ResolverQueries.StoreLookup() {
            @Override
            public <K, V> ReadOnlyKeyValueStore<K, V> store(String name) {
                return resolver.driver().getKeyValueStore(name);
            }
        }).health();
    }

    @Test
    void shouldRefuseAForgottenPredictionInsteadOfResolvingItAgain() {
        Prediction call = resolvedSpyCallOfApril21();
        resolver.candles(between(spy, LocalDate.of(2025, 4, 29), LocalDate.of(2025, 6, 6)));

        resolver.predict(call);
        resolver.candles(between(spy, LocalDate.of(2025, 6, 9), LocalDate.of(2025, 6, 13)));
        resolver.restart();
        resolver.predict(call);

        assertThat(resolver.outcomes()).hasSize(1);
        assertThat(resolver.contents(ResolverStores.PREDICTIONS)).isEmpty();
        assertThat(resolver.contents(ResolverStores.PENDING)).isEmpty();
    }

    @Test
    void shouldKeepAnOpenPredictionAndItsTickerWhateverItsAge() {
        Candle entry = on(iwm, LocalDate.of(2025, 4, 21));
        Prediction open = TestRecords.prediction(entry, Direction.UP);
        OutcomeRetention rule = new OutcomeRetention(Duration.ofDays(30));

        long muchLater = entry.openTime() + Duration.ofDays(400).toMillis();
        OutcomeRetention.Purged purged = rule.purge(muchLater, Map.of(open.getId(), entry.openTime()), id -> false,
                Map.of("IWM", entry.openTime(), "QQQ", entry.openTime()), "IWM"::equals);

        assertThat(purged.predictions()).as("an open prediction is kept whatever its age").isEmpty();
        assertThat(purged.tickers()).as("a silent ticker with an open prediction is kept").containsExactly("QQQ");
        assertThat(rule.purge(muchLater, Map.of(open.getId(), entry.openTime()), id -> true, Map.of(), t -> false)
                .predictions()).as("once resolved, it is forgotten").containsExactly(open.getId());
    }

    @Test
    void shouldRefuseARetentionShorterThanAMonth() {
        assertThatThrownBy(() -> ResolverConfig.defaults().withRetention(Duration.ofDays(10)))
                .hasMessageContaining("retention must be at least 30 days");
    }
}
