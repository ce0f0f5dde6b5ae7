package io.edgeloop.core.outcome;

import io.edgeloop.core.rules.Direction;
import io.edgeloop.core.candle.Candle;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** Outcome figures on real daily bars from the shared data, checked against hand computation. */
class OutcomeCalculatorTest {

    private static final OutcomeCalculator CALC = OutcomeCalculator.withDefaults();

    private static long stamp(LocalDate date) {
        return date.atStartOfDay(ZoneOffset.UTC).toInstant().toEpochMilli();
    }

    private static PredictionTerms onClose(String id, String ticker, LocalDate date, Direction direction) {
        Candle bar = HistoryDaily.on(ticker, date);
        return PredictionTerms.withDefaultHorizon(id, ticker, bar.openTime(), direction, bar.close());
    }

    @Test
    void shouldMatchHandComputationForDownPredictionInTheMarch2020Crash() {
        // SPY closed 274.36 on 2020-03-11. The next five sessions (high / low / close):
        // 03-12 266.66/247.68/248.11, 03-13 271.4754/248.5237/269.32, 03-16 256.9/237.36/239.85,
        // 03-17 256.17/237.07/252.8, 03-18 248.37/228.02/240.
        PredictionTerms terms = onClose("spy-down", "SPY", LocalDate.of(2020, 3, 11), Direction.DOWN);
        assertThat(terms.entryPrice()).isEqualTo(274.36);

        Outcome o = CALC.resolve(terms, HistoryDaily.load("SPY"), List.of()).orElseThrow();

        assertThat(o.status()).isEqualTo(OutcomeStatus.RESOLVED);
        assertThat(o.barsObserved()).isEqualTo(5);
        assertThat(o.exitPrice()).isEqualTo(240.0);
        assertThat(o.returnPct()).isCloseTo((274.36 - 240.0) / 274.36 * 100, within(1e-9)); // 12.52%
        assertThat(o.mfePct()).isCloseTo((274.36 - 228.02) / 274.36 * 100, within(1e-9)); // lowest low 03-18
        // the highest high (271.4754) never rose above the entry: nothing adverse for a short
        assertThat(o.maePct()).isEqualTo(0.0);
        assertThat(o.timeToPeakDays()).isEqualTo(5);
        assertThat(o.hit()).isTrue();
        assertThat(o.magnitude()).isEqualTo(Magnitude.MEDIUM);
        assertThat(o.action()).isEqualTo(Action.MISSED_OPPORTUNITY);
        assertThat(o.resolvedAt()).isEqualTo(stamp(LocalDate.of(2020, 3, 18)));
        assertThat(o.expiryReason()).isEmpty();
        assertThat(o.learnable()).isTrue();
    }

    @Test
    void shouldSkipTheIndependenceDayHolidayWhenCountingTradingDays() {
        // NVDA closed 122.67 on 2024-07-02; 07-04 had no session. Next five sessions:
        // 07-03 128.28/121.36/128.28, 07-05 128.85/125.68/125.83, 07-08 130.77/127.04/128.2,
        // 07-09 133.82/128.65/131.38, 07-10 135.1/132.42/134.91.
        PredictionTerms terms = onClose("nvda-up", "NVDA", LocalDate.of(2024, 7, 2), Direction.UP);

        Outcome o = CALC.resolve(terms, HistoryDaily.load("NVDA"), List.of()).orElseThrow();

        assertThat(o.exitPrice()).isEqualTo(134.91);
        assertThat(o.returnPct()).isCloseTo((134.91 - 122.67) / 122.67 * 100, within(1e-9)); // 9.98%
        assertThat(o.mfePct()).isCloseTo((135.1 - 122.67) / 122.67 * 100, within(1e-9));
        assertThat(o.maePct()).isCloseTo((121.36 - 122.67) / 122.67 * 100, within(1e-9)); // 07-03 low
        assertThat(o.timeToPeakDays()).isEqualTo(5);
        assertThat(o.hit()).isTrue();
        assertThat(o.magnitude()).isEqualTo(Magnitude.MEDIUM);
        assertThat(o.resolvedAt()).isEqualTo(stamp(LocalDate.of(2024, 7, 10)));
    }

    @Test
    void shouldJudgeAReturnJustBelowTheThresholdAsNoHit() {
        // SPY 2024-07-01 close 545.34 -> 2024-07-09 close 555.82: +1.92%, below the 2% hit line.
        PredictionTerms terms = onClose("spy-up", "SPY", LocalDate.of(2024, 7, 1), Direction.UP);

        Outcome o = CALC.resolve(terms, HistoryDaily.load("SPY"), List.of()).orElseThrow();

        assertThat(o.returnPct()).isCloseTo((555.82 - 545.34) / 545.34 * 100, within(1e-9));
        assertThat(o.maePct()).isCloseTo((543.65 - 545.34) / 545.34 * 100, within(1e-9));
        assertThat(o.hit()).isFalse();
        assertThat(o.magnitude()).isEqualTo(Magnitude.SMALL);
        assertThat(o.action()).isEqualTo(Action.SKIPPED);

        Outcome lowerBar = new OutcomeCalculator(OutcomeConfig.defaults().withHitThresholdPct(1.5))
                .resolve(terms, HistoryDaily.load("SPY"), List.of()).orElseThrow();
        assertThat(lowerBar.hit()).isTrue();
        assertThat(lowerBar.action()).isEqualTo(Action.MISSED_OPPORTUNITY);
    }

    @Test
    void shouldCountAReturnOfExactlyTheThresholdAsAHitWhateverTheRounding() {
        // 2.50 -> 2.55 is exactly +2 %, but (2.55 - 2.50) / 2.50 x 100 = 1.9999999999999927 in doubles
        LocalDate monday = LocalDate.of(2024, 3, 4);
        List<Candle> bars = new ArrayList<>();
        for (int day = 0; day <= 7; day++) {
            LocalDate date = monday.plusDays(day);
            if (date.getDayOfWeek().getValue() <= 5) {
                double close = day == 0 ? 2.50 : bars.size() == 5 ? 2.55 : 2.52;
                bars.add(new Candle("ABC", io.edgeloop.core.candle.Timeframe.D1,
                        date.atStartOfDay(ZoneOffset.UTC).toInstant().toEpochMilli(), close, close, close, close, 1e6,
                        "test"));
            }
        }
        assertThat(bars).hasSize(6);
        PredictionTerms up = PredictionTerms.withDefaultHorizon("abc-up", "ABC", bars.get(0).openTime(), Direction.UP,
                2.50);

        Outcome o = CALC.resolve(up, bars, List.of()).orElseThrow();

        assertThat(o.exitPrice()).isEqualTo(2.55);
        assertThat(o.returnPct()).isLessThan(2.0);
        assertThat(o.hit()).isTrue();
        assertThat(Direction.DOWN.hit(-o.returnPct(), 2.0)).isTrue();
        assertThat(Direction.UP.hit(1.999, 2.0)).isFalse();
    }

    @Test
    void shouldMarkALinkedTradeAsTraded() {
        PredictionTerms terms = onClose("spy-down", "SPY", LocalDate.of(2020, 3, 11), Direction.DOWN);
        TradeRef trade = TradeRef.linked("t1", "SPY", "spy-down", terms.time() + 30L * 86_400_000L);

        Outcome o = CALC.resolve(terms, HistoryDaily.load("SPY"), List.of(trade)).orElseThrow();

        assertThat(o.action()).isEqualTo(Action.TRADED);
        assertThat(o.hit()).isTrue();
    }

    @Test
    void shouldNeverCountThePredictionsOwnBarWhateverItsTimestamp() {
        LocalDate day = LocalDate.of(2020, 3, 11);
        long normalisedStamp = stamp(day);                                            // 00:00 UTC = 20:00 NY the day before
        long sessionClose = ZonedDateTime.of(2020, 3, 11, 16, 0, 0, 0, ZoneId.of("America/New_York"))
                .toInstant().toEpochMilli();
        long sessionOpen = ZonedDateTime.of(2020, 3, 11, 9, 30, 0, 0, ZoneId.of("America/New_York"))
                .toInstant().toEpochMilli();
        for (long t : new long[] {normalisedStamp, sessionOpen, sessionClose}) {
            PredictionTerms terms = new PredictionTerms("p", "SPY", t, Direction.DOWN, 274.36, 5);
            Outcome o = CALC.resolve(terms, HistoryDaily.load("SPY"), List.of()).orElseThrow();
            assertThat(o.exitPrice()).as("exit for t=%d", t).isEqualTo(240.0);
            assertThat(o.resolvedAt()).isEqualTo(stamp(LocalDate.of(2020, 3, 18)));
        }
    }

    @Test
    void shouldMeasureAFuturesPredictionOnTheBarsAfterItsOwnWhicheverStampItCarries() {
        // ES1! daily bars stamped at the 18:00 New York evening open of their trade date
        List<Candle> es = HistoryDaily.universe("ES1_-D.json");
        int i = 0;
        while (es.get(i).openTime() != ZonedDateTime.of(2024, 9, 3, 18, 0, 0, 0, ZoneId.of("America/New_York"))
                .toInstant().toEpochMilli()) {
            i++;
        }
        Candle bar = es.get(i); // trade date 2024-09-04
        long vendorStamp = bar.openTime();
        long normalisedStamp = stamp(LocalDate.of(2024, 9, 4));

        for (long t : new long[] {vendorStamp, normalisedStamp}) {
            PredictionTerms terms = new PredictionTerms("es-up", "ES1!", t, Direction.UP, bar.close(), 5);
            Outcome batch = CALC.resolve(terms, es, List.of()).orElseThrow();
            assertThat(batch.exitPrice()).as("exit for t=%d", t).isEqualTo(es.get(i + 5).close());
            assertThat(batch.resolvedAt()).as("resolved for t=%d", t).isEqualTo(es.get(i + 5).openTime());

            PendingOutcome streamed = PendingOutcome.open(terms, CALC.config());
            for (Candle c : es.subList(i - 2, i + 8)) {
                streamed.onDailyCandle(c);
            }
            assertThat(streamed.resolve()).as("streamed for t=%d", t).isEqualTo(batch);
        }
    }

    @Test
    void shouldIgnoreCandlesOutsideTheHorizonAndTheirOrder() {
        PredictionTerms terms = onClose("nvda-up", "NVDA", LocalDate.of(2024, 7, 2), Direction.UP);
        List<Candle> all = HistoryDaily.load("NVDA");
        int i = HistoryDaily.indexOf("NVDA", LocalDate.of(2024, 7, 2));
        List<Candle> reversed = new ArrayList<>(all.subList(i - 20, i + 30));
        Collections.reverse(reversed);

        assertThat(CALC.resolve(terms, reversed, List.of()))
                .isEqualTo(CALC.resolve(terms, all.subList(i + 1, i + 6), List.of()))
                .isEqualTo(CALC.resolve(terms, all, List.of()));
    }

    @Test
    void shouldReturnNothingWhenTheHorizonIsIncompleteAndStreamTimeIsEarly() {
        PredictionTerms terms = onClose("nvda-up", "NVDA", LocalDate.of(2024, 7, 2), Direction.UP);
        int i = HistoryDaily.indexOf("NVDA", LocalDate.of(2024, 7, 2));
        List<Candle> four = HistoryDaily.load("NVDA").subList(i + 1, i + 5);

        assertThat(CALC.resolve(terms, four, List.of())).isEmpty();
        assertThat(CALC.resolve(terms, four, List.of(), four.get(3).openTime())).isEmpty();
    }

    @Test
    void shouldExpireWithTheReasonWhenStreamTimePassesTheGracePeriod() {
        PredictionTerms terms = onClose("nvda-up", "NVDA", LocalDate.of(2024, 7, 2), Direction.UP);
        int i = HistoryDaily.indexOf("NVDA", LocalDate.of(2024, 7, 2));
        List<Candle> two = HistoryDaily.load("NVDA").subList(i + 1, i + 3);
        // horizon 5 + grace 5 = 10 trading days = 14 calendar days: 2024-07-16; expiry 2024-07-17 00:00 UTC
        long expiry = stamp(LocalDate.of(2024, 7, 17));

        assertThat(CALC.resolve(terms, two, List.of(), expiry - 1)).isEmpty();
        Outcome o = CALC.resolve(terms, two, List.of(), expiry).orElseThrow();

        assertThat(o.status()).isEqualTo(OutcomeStatus.EXPIRED);
        assertThat(o.expiryReason()).contains("ticker stopped trading", "2 of 5", "2024-07-02", "2024-07-05");
        assertThat(o.barsObserved()).isEqualTo(2);
        assertThat(o.exitPrice()).isEqualTo(125.83);
        assertThat(o.hit()).isFalse();
        assertThat(o.learnable()).isFalse();
        assertThat(o.action()).isEqualTo(Action.SKIPPED);
        assertThat(o.resolvedAt()).isEqualTo(expiry);
    }
}
