package io.edgeloop.resolver;

import io.edgeloop.core.candle.Candle;
import io.edgeloop.schemas.avro.ApprovalDecision;
import io.edgeloop.schemas.avro.ChangeKind;
import io.edgeloop.schemas.avro.ChangeStatus;
import io.edgeloop.schemas.avro.Direction;
import io.edgeloop.schemas.avro.ModelChange;
import io.edgeloop.schemas.avro.Outcome;
import io.edgeloop.schemas.avro.Prediction;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import static io.edgeloop.resolver.MarketData.between;
import static io.edgeloop.resolver.MarketData.on;
import static org.assertj.core.api.Assertions.assertThat;

/** The other tests run on in-memory stores for speed; this one runs the app's RocksDB stores. */
class RocksDbStoresTest {

    /**
     * Governance records stamped in market time: the test driver runs every sub-topology in one
     * task with one stream time, so an operator's wall-clock stamp would expire the predictions
     * (the app runs the keeper in its own task).
     */
    private static final Instant MARKET_TIME = Instant.parse("2025-04-21T12:00:00Z");

    @TempDir
    Path stateDir;

    @Test
    void shouldResolveAndApplyOnRocksDbStoresAcrossARestart() {
        List<Candle> spy = MarketData.history("SPY_D.json");
        Candle entryBar = on(spy, LocalDate.of(2025, 4, 21));
        Prediction p = TestRecords.prediction(entryBar, Direction.UP,
                TestRecords.match("bull_state_dominance", 1, Direction.UP));
        try (ResolverDriver resolver = new ResolverDriver(ResolverConfig.defaults(), stateDir)) {
            resolver.candle(entryBar);
            resolver.predict(p);
            resolver.propose(ModelChange.newBuilder(Governance.status("chg-retire", ChangeKind.RETIRE,
                    "bear_state_dominance")).setProposedAt(MARKET_TIME).setUpdatedAt(MARKET_TIME).build());
            resolver.candles(between(spy, LocalDate.of(2025, 4, 22), LocalDate.of(2025, 4, 24)));
            resolver.restart();
            resolver.predict(p);
            // Up to 05-01: the task's progress mark (stream time minus 2 days) passes the outcome's
            // time, 04-28, so the keeper learns it.
            resolver.candles(between(spy, LocalDate.of(2025, 4, 25), LocalDate.of(2025, 5, 1)));
            resolver.decide(ApprovalDecision.newBuilder(Governance.approve("chg-retire", "alice"))
                    .setDecidedAt(MARKET_TIME).build());

            Outcome o = resolver.outcomes().get(0);
            assertThat(resolver.outcomes()).hasSize(1);
            assertThat(o.getExitPrice()).isEqualTo(550.85);
            assertThat(resolver.changelog()).extracting(c -> c.getStatus()).containsExactly(ChangeStatus.APPLIED);
            assertThat(resolver.store(ResolverStores.KEEPER_LIBRARY).get("bull_state_dominance").getStats().getN())
                    .isEqualTo(1);
        }
    }
}
