package io.edgeloop.core.outcome;

import io.edgeloop.core.rules.Direction;
import io.edgeloop.core.candle.Candle;
import io.edgeloop.core.candle.Timeframe;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;

import static io.edgeloop.core.outcome.TradeRef.Side.LONG;
import static io.edgeloop.core.outcome.TradeRef.Side.SHORT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class PendingOutcomeTest {

    private static final long DAY = 86_400_000L;
    private static final OutcomeConfig CONFIG = OutcomeConfig.defaults();
    private static final LocalDate MONDAY = LocalDate.of(2024, 3, 4);

    private static long stamp(LocalDate date) {
        return date.atStartOfDay(ZoneOffset.UTC).toInstant().toEpochMilli();
    }

    private static Candle bar(LocalDate date, double high, double low, double close) {
        return new Candle("ABC", Timeframe.D1, stamp(date), close, high, low, close, 1_000, "test");
    }

    private static PendingOutcome open(Direction direction, int horizon) {
        return PendingOutcome.open(new PredictionTerms("p1", "ABC", stamp(MONDAY), direction, 100.0, horizon), CONFIG);
    }

    @Test
    void shouldCountOneBarPerDateAndKeepTheFirstOfDuplicates() {
        PendingOutcome p = open(Direction.UP, 2);
        Candle tuesday = bar(MONDAY.plusDays(1), 104, 99, 103);
        Candle tuesdayAt4Utc = new Candle("ABC", Timeframe.D1, tuesday.openTime() + 4 * 3_600_000L,
                103.01, 104.01, 99.01, 103.01, 1_000, "other vendor");

        assertThat(p.onDailyCandle(bar(MONDAY, 101, 99, 100))).isEqualTo(BarVerdict.NOT_AFTER_PREDICTION);
        assertThat(p.onDailyCandle(tuesday)).isEqualTo(BarVerdict.ACCEPTED);
        assertThat(p.onDailyCandle(tuesdayAt4Utc)).isEqualTo(BarVerdict.DUPLICATE_OR_LATE);
        assertThat(p.isDue()).isFalse();
        assertThat(p.onDailyCandle(bar(MONDAY.plusDays(2), 105, 102, 104))).isEqualTo(BarVerdict.ACCEPTED);
        assertThat(p.onDailyCandle(bar(MONDAY.plusDays(1), 104, 99, 103)))
                .isEqualTo(BarVerdict.AFTER_HORIZON);
        assertThat(p.onDailyCandle(bar(MONDAY.plusDays(3), 110, 100, 110))).isEqualTo(BarVerdict.AFTER_HORIZON);

        Outcome o = p.resolve();
        assertThat(o.exitPrice()).isEqualTo(104.0);
        assertThat(o.mfePct()).isCloseTo(5.0, within(1e-12));
        assertThat(o.maePct()).isCloseTo(-1.0, within(1e-12));
        assertThat(o.timeToPeakDays()).isEqualTo(2);
    }

    @Test
    void shouldReportZeroExcursionAndNoPeakWhenPriceNeverMovedFavourably() {
        PendingOutcome p = open(Direction.UP, 2);
        p.onDailyCandle(bar(MONDAY.plusDays(1), 99, 95, 96));
        p.onDailyCandle(bar(MONDAY.plusDays(2), 98, 90, 91));

        Outcome o = p.resolve();

        assertThat(o.returnPct()).isCloseTo(-9.0, within(1e-12));
        assertThat(o.mfePct()).isZero();
        assertThat(o.timeToPeakDays()).isZero();
        assertThat(o.maePct()).isCloseTo(-10.0, within(1e-12));
        assertThat(o.hit()).isFalse();
        assertThat(o.magnitude()).isEqualTo(Magnitude.MEDIUM);
    }

    @Test
    void shouldMeasureAShortFromTheLowsAndHighs() {
        PendingOutcome p = open(Direction.DOWN, 3);
        p.onDailyCandle(bar(MONDAY.plusDays(1), 103, 97, 98));
        p.onDailyCandle(bar(MONDAY.plusDays(2), 100, 80, 82));
        p.onDailyCandle(bar(MONDAY.plusDays(3), 86, 81, 84));

        Outcome o = p.resolve();

        assertThat(o.returnPct()).isCloseTo(16.0, within(1e-12));
        assertThat(o.mfePct()).isCloseTo(20.0, within(1e-12));
        assertThat(o.maePct()).isCloseTo(-3.0, within(1e-12));
        assertThat(o.timeToPeakDays()).isEqualTo(2);
        assertThat(o.magnitude()).isEqualTo(Magnitude.LARGE);
        assertThat(o.hit()).isTrue();
    }

    @Test
    void shouldJudgeNeutralAsHitInsideTheBandAndNeverAsMissedOpportunity() {
        PendingOutcome quiet = open(Direction.NEUTRAL, 1);
        quiet.onDailyCandle(bar(MONDAY.plusDays(1), 102, 98, 98.5));
        PendingOutcome moved = open(Direction.NEUTRAL, 1);
        moved.onDailyCandle(bar(MONDAY.plusDays(1), 102, 97, 98));

        Outcome q = quiet.resolve();
        Outcome m = moved.resolve();

        assertThat(q.hit()).isTrue();
        assertThat(q.action()).isEqualTo(Action.SKIPPED);
        assertThat(q.returnPct()).isCloseTo(-1.5, within(1e-12));
        assertThat(m.hit()).as("|-2%| is not strictly inside the 2% band").isFalse();
        assertThat(m.action()).isEqualTo(Action.SKIPPED);
    }

    @Test
    void shouldCountUnlinkedTradesOnlyInsideTheWindowIncludingItsBounds() {
        long t = stamp(MONDAY);
        assertThat(open(Direction.UP, 1).onTrade(new TradeRef("a", "ABC", null, t - DAY, LONG))).isTrue();
        assertThat(open(Direction.UP, 1).onTrade(new TradeRef("b", "ABC", null, t + 2 * DAY, LONG))).isTrue();
        assertThat(open(Direction.UP, 1).onTrade(new TradeRef("c", "ABC", "", t - DAY - 1, LONG))).isFalse();
        assertThat(open(Direction.UP, 1).onTrade(new TradeRef("d", "ABC", null, t + 2 * DAY + 1, LONG))).isFalse();
        assertThat(open(Direction.UP, 1).onTrade(new TradeRef("e", "XYZ", null, t, LONG))).isFalse();
        assertThat(open(Direction.UP, 1).onTrade(new TradeRef("f", "ABC", "another", t, LONG))).isFalse();
        assertThat(open(Direction.UP, 1).onTrade(TradeRef.linked("g", "ABC", "p1", t + 100 * DAY))).isTrue();
    }

    @Test
    void shouldCountAnUnlinkedTradeOnlyWhenItsSideBetsOnThePredictedDirection() {
        long t = stamp(MONDAY);
        assertThat(open(Direction.UP, 1).onTrade(new TradeRef("a", "ABC", null, t, LONG))).isTrue();
        assertThat(open(Direction.UP, 1).onTrade(new TradeRef("b", "ABC", null, t, SHORT))).isFalse();
        assertThat(open(Direction.DOWN, 1).onTrade(new TradeRef("c", "ABC", null, t, SHORT))).isTrue();
        assertThat(open(Direction.DOWN, 1).onTrade(new TradeRef("d", "ABC", null, t, LONG))).isFalse();
        assertThat(open(Direction.NEUTRAL, 1).onTrade(new TradeRef("e", "ABC", null, t, LONG))).isFalse();
        assertThat(open(Direction.NEUTRAL, 1).onTrade(new TradeRef("f", "ABC", null, t, SHORT))).isFalse();
        assertThat(open(Direction.DOWN, 1).onTrade(new TradeRef("g", "ABC", "p1", t, LONG)))
                .as("a linked trade counts whatever its side").isTrue();
        assertThat(open(Direction.NEUTRAL, 1).onTrade(TradeRef.linked("h", "ABC", "p1", t))).isTrue();
        assertThatThrownBy(() -> new TradeRef("i", "ABC", null, t, null))
                .hasMessageContaining("a trade linked to no prediction needs its side");
    }

    @Test
    void shouldExpireAPredictionWhoseTickerNeverTradedAgain() {
        PendingOutcome p = open(Direction.UP, 5);
        // Monday + ceil(10 x 7 / 5) = 14 days -> 2024-03-18; expires at 2024-03-19 00:00 UTC
        assertThat(p.expiryTime()).isEqualTo(stamp(LocalDate.of(2024, 3, 19)));
        assertThat(p.tryResolve(p.expiryTime() - 1)).isEmpty();
        assertThat(p.isExpired(p.expiryTime())).isTrue();

        Outcome o = p.tryResolve(p.expiryTime()).orElseThrow();

        assertThat(o.status()).isEqualTo(OutcomeStatus.EXPIRED);
        assertThat(o.barsObserved()).isZero();
        assertThat(o.exitPrice()).isEqualTo(100.0);
        assertThat(o.returnPct()).isZero();
        assertThat(o.expiryReason()).contains("0 of 5", "last bar none");
    }

    @Test
    void shouldResolveRatherThanExpireWhenDueEvenIfStreamTimeIsLate() {
        PendingOutcome p = open(Direction.UP, 1);
        p.onDailyCandle(bar(MONDAY.plusDays(1), 104, 99, 103));

        assertThat(p.isExpired(Long.MAX_VALUE)).isFalse();
        assertThat(p.tryResolve(Long.MAX_VALUE).orElseThrow().status()).isEqualTo(OutcomeStatus.RESOLVED);
    }

    @Test
    void shouldHonourTheConfiguredGracePeriodAndExchangeZone() {
        PredictionTerms terms = new PredictionTerms("p1", "BTC-USD", stamp(MONDAY), Direction.UP, 100, 5);
        PendingOutcome p = PendingOutcome.open(terms,
                CONFIG.withGraceTradingDays(0).withExchangeZone(ZoneId.of("UTC")));

        assertThat(p.predictionDate()).isEqualTo(MONDAY);
        assertThat(p.expiryTime()).isEqualTo(stamp(MONDAY.plusDays(7 + 1)));
    }

    @Test
    void shouldRoundTripItsStateThroughBytes() {
        PendingOutcome p = open(Direction.DOWN, 3);
        p.onDailyCandle(bar(MONDAY.plusDays(1), 103, 97, 98));
        p.onTrade(TradeRef.linked("t", "ABC", "p1", 0));
        byte[] bytes = p.toBytes();

        PendingOutcome restored = PendingOutcome.fromBytes(bytes, CONFIG);
        restored.onDailyCandle(bar(MONDAY.plusDays(2), 100, 80, 82));
        restored.onDailyCandle(bar(MONDAY.plusDays(3), 86, 81, 84));
        p.onDailyCandle(bar(MONDAY.plusDays(2), 100, 80, 82));
        p.onDailyCandle(bar(MONDAY.plusDays(3), 86, 81, 84));

        assertThat(bytes.length).isLessThan(128);
        assertThat(restored.toBytes()).isEqualTo(p.toBytes());
        assertThat(restored.resolve()).isEqualTo(p.resolve());
        assertThat(restored.resolve().action()).isEqualTo(Action.TRADED);
    }

    /**
     * A state written before outcomes took the session calendar's trade date holds the earlier
     * date of a futures prediction stamped at the 18:00 New York evening open: restored, it takes
     * today's date, so the bar of that date is not counted as its first horizon bar.
     */
    @Test
    void shouldRestoreAnOlderStateOnTheDateTodaysRuleGives() {
        long eveningOpen = java.time.Instant.parse("2024-09-03T22:00:00Z").toEpochMilli();
        PendingOutcome p = PendingOutcome.open(new PredictionTerms("es-up", "ES1!", eveningOpen, Direction.UP, 5500, 3),
                CONFIG);
        assertThat(p.predictionDate()).isEqualTo(LocalDate.of(2024, 9, 4));
        byte[] older = p.toBytes();
        // the stored date sits after the format, id, ticker, time, direction, entry price and horizon
        int at = 1 + (2 + "es-up".length()) + (2 + "ES1!".length()) + 8 + (2 + "UP".length()) + 8 + 4;
        java.nio.ByteBuffer.wrap(older).putLong(at, LocalDate.of(2024, 9, 3).toEpochDay());
        assertThat(older).isNotEqualTo(p.toBytes());

        PendingOutcome restored = PendingOutcome.fromBytes(older, CONFIG);

        assertThat(restored.predictionDate()).isEqualTo(LocalDate.of(2024, 9, 4));
        assertThat(restored.toBytes()).isEqualTo(p.toBytes());
    }

    @Test
    void shouldRefuseCorruptStateWithAClearMessage() {
        byte[] bytes = open(Direction.UP, 5).toBytes();
        assertThatThrownBy(() -> PendingOutcome.fromBytes(Arrays.copyOf(bytes, 20), CONFIG))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("truncated or corrupt");
        byte[] otherFormat = bytes.clone();
        otherFormat[0] = 9;
        assertThatThrownBy(() -> PendingOutcome.fromBytes(otherFormat, CONFIG))
                .hasMessageContaining("unknown pending outcome format 9");
        byte[] longer = Arrays.copyOf(bytes, bytes.length + 1);
        assertThatThrownBy(() -> PendingOutcome.fromBytes(longer, CONFIG)).hasMessageContaining("trailing bytes");
    }

    @Test
    void shouldRejectCandlesOfAnotherTickerOrTimeframeAndImpossiblePrices() {
        PendingOutcome p = open(Direction.UP, 5);
        assertThatThrownBy(() -> p.onDailyCandle(new Candle("XYZ", Timeframe.D1, stamp(MONDAY.plusDays(1)),
                1, 1, 1, 1, 1, "t"))).hasMessageContaining("is on ABC, got a candle of XYZ");
        assertThatThrownBy(() -> p.onDailyCandle(new Candle("ABC", Timeframe.H1, stamp(MONDAY.plusDays(1)),
                1, 1, 1, 1, 1, "t"))).hasMessageContaining("outcomes use daily candles, got a 1h candle");
        assertThatThrownBy(() -> p.onDailyCandle(bar(MONDAY.plusDays(1), 99, 101, 100)))
                .hasMessageContaining("impossible daily candle");
        assertThatThrownBy(() -> p.onDailyCandle(bar(MONDAY.plusDays(1), Double.NaN, 99, 100)))
                .hasMessageContaining("impossible daily candle");
        assertThat(p.barsObserved()).isZero();
    }

    @Test
    void shouldRefuseToResolveBeforeItIsDue() {
        PendingOutcome p = open(Direction.UP, 2);
        p.onDailyCandle(bar(MONDAY.plusDays(1), 104, 99, 103));
        assertThatThrownBy(p::resolve).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("1 of 2 daily bars");
    }

    @Test
    void shouldRejectImpossibleTermsAndConfig() {
        assertThatThrownBy(() -> new PredictionTerms("p", "ABC", 0, Direction.UP, 0, 5))
                .hasMessageContaining("entry price must be a positive number");
        assertThatThrownBy(() -> new PredictionTerms("p", "ABC", 0, Direction.UP, 10, 0))
                .hasMessageContaining("horizon must be at least 1");
        assertThatThrownBy(() -> new PredictionTerms(" ", "ABC", 0, Direction.UP, 10, 5))
                .hasMessageContaining("prediction id must not be blank");
        assertThatThrownBy(() -> CONFIG.withHitThresholdPct(Double.NaN)).hasMessageContaining("hitThresholdPct");
        assertThatThrownBy(() -> CONFIG.withGraceTradingDays(-1)).hasMessageContaining("graceTradingDays");
    }

    @Test
    void shouldBucketMagnitudesAtTheirBounds() {
        assertThat(List.of(0.0, 4.999, 5.0, -14.999, 15.0, -40.0).stream().map(CONFIG::magnitudeOf))
                .containsExactly(Magnitude.SMALL, Magnitude.SMALL, Magnitude.MEDIUM, Magnitude.MEDIUM,
                        Magnitude.LARGE, Magnitude.LARGE);
    }
}
