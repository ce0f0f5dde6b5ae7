package io.edgeloop.core.outcome;

import io.edgeloop.core.candle.Candle;
import io.edgeloop.core.candle.SessionCalendar;
import io.edgeloop.core.candle.Timeframe;
import org.junit.jupiter.api.Test;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class TradingDatesTest {

    private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");

    private static long at(String instant) {
        return Instant.parse(instant).toEpochMilli();
    }

    private static Candle daily(String ticker, String openTime) {
        return new Candle(ticker, Timeframe.D1, at(openTime), 1, 1, 1, 1, 0, "test");
    }

    @Test
    void shouldDateAFuturesBarStampedAtItsEveningOpenOnTheTradeDateItStandsFor() {
        List<Candle> es = HistoryDaily.universe("ES1_-D.json");

        assertThat(es.get(0).openTime()).isEqualTo(at("2024-08-29T22:00:00Z")); // Thursday 18:00 New York
        assertThat(TradingDates.candleDate(es.get(0))).isEqualTo(LocalDate.of(2024, 8, 30));
        for (Candle bar : es) {
            LocalDate date = TradingDates.candleDate(bar);
            assertThat(date).as("bar at %s", Instant.ofEpochMilli(bar.openTime()))
                    .isEqualTo(LocalDate.ofEpochDay(SessionCalendar.US_EQUITY.tradeDate(bar.openTime())));
            assertThat(date.getDayOfWeek()).as("bar at %s", Instant.ofEpochMilli(bar.openTime()))
                    .isNotIn(DayOfWeek.SATURDAY, DayOfWeek.SUNDAY);
        }
        assertThat(es.stream().map(TradingDates::candleDate).toList()).as("in stamp order").isSorted();
    }

    @Test
    void shouldDateEveryEquityStampOfADayOnThatDayAndACryptoBarOnItsUtcDate() {
        LocalDate wednesday = LocalDate.of(2024, 9, 4);
        for (String stamp : List.of("2024-09-04T00:00:00Z", "2024-09-04T04:00:00Z", "2024-09-04T13:30:00Z",
                "2024-09-04T20:10:00Z", "2024-09-03T22:00:00Z")) {
            assertThat(TradingDates.candleDate(daily("SPY", stamp))).as(stamp).isEqualTo(wednesday);
        }
        assertThat(SessionCalendar.forTicker("BTC-USD")).isEqualTo(SessionCalendar.CRYPTO);
        assertThat(TradingDates.candleDate(daily("BTC-USD", "2024-09-03T23:00:00Z"))).isEqualTo(LocalDate.of(2024, 9, 3));
    }

    @Test
    void shouldPlaceAPredictionOnNoEarlierDateThanTheBarItWasMadeOn() {
        LocalDate wednesday = LocalDate.of(2024, 9, 4);
        assertThat(TradingDates.predictionDate("ES1!", at("2024-09-03T22:00:00Z"), NEW_YORK)).isEqualTo(wednesday);
        assertThat(TradingDates.predictionDate("SPY", at("2024-09-04T00:00:00Z"), NEW_YORK)).isEqualTo(wednesday);
        assertThat(TradingDates.predictionDate("SPY", at("2024-09-04T14:30:00Z"), NEW_YORK)).isEqualTo(wednesday);
        assertThat(TradingDates.predictionDate("SPY", at("2024-09-04T19:30:00Z"), NEW_YORK)).isEqualTo(wednesday);
        assertThat(TradingDates.predictionDate("BTC-USD", at("2024-09-03T23:00:00Z"), ZoneOffset.UTC))
                .isEqualTo(LocalDate.of(2024, 9, 3));
    }
}
