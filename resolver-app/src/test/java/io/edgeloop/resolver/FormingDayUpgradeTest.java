package io.edgeloop.resolver;

import io.edgeloop.core.candle.Aggregator;
import io.edgeloop.core.candle.Candle;
import io.edgeloop.core.candle.CandleFiles;
import io.edgeloop.core.candle.SessionCalendar;
import io.edgeloop.core.candle.Timeframe;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** A ticker-days state written before the forming bar had its own store (format 1) is read and upgraded. */
class FormingDayUpgradeTest {

    @TempDir
    Path stateDir;

    @Test
    void shouldReadTheClosedBarsAndTheFormingBarOfAStateWrittenBeforeTheSplit() throws IOException {
        List<Candle> daily = MarketData.between(MarketData.history("SPY_D.json"), LocalDate.of(2025, 10, 27),
                LocalDate.of(2025, 10, 31));
        FormingDay forming = new FormingDay("SPY");
        hourlySpy(LocalDate.of(2025, 11, 3)).subList(0, 3).forEach(forming::offerIntraday);

        TickerDays read = TickerDays.fromBytes("SPY", 40, legacyBytes(forming, daily));

        assertThat(TickerDays.isLegacy(legacyBytes(forming, daily))).isTrue();
        assertThat(read.recent()).isEqualTo(daily);
        assertThat(read.legacyForming().toBytes()).isEqualTo(forming.toBytes());
        assertThat(TickerDays.isLegacy(read.toBytes())).isFalse();
        assertThat(TickerDays.fromBytes("SPY", 40, read.toBytes()).legacyForming()).isNull();
    }

    @Test
    void shouldFinishTheDayThatWasFormingWhenTheStoreHoldsAStateWrittenBeforeTheSplit() throws IOException {
        List<Candle> day = hourlySpy(LocalDate.of(2025, 11, 3));
        List<Candle> next = hourlySpy(LocalDate.of(2025, 11, 4));
        Aggregator reference = new Aggregator(SessionCalendar.US_EQUITY, Timeframe.H1, EnumSet.of(Timeframe.D1));
        List<Candle> expected = new ArrayList<>();
        day.forEach(bar -> reference.update(bar, d -> expected.add(d.toCandle("SPY", "resolver-aggregated"))));
        reference.update(next.get(0), d -> expected.add(d.toCandle("SPY", "resolver-aggregated")));
        FormingDay forming = new FormingDay("SPY");
        day.subList(0, 3).forEach(forming::offerIntraday);

        try (ResolverDriver resolver = new ResolverDriver(ResolverConfig.defaults().withInMemoryStores(), stateDir)) {
            resolver.store(ResolverStores.TICKER_DAYS).put("SPY", legacyBytes(forming, List.of()));
            resolver.candles(day.subList(3, day.size()));
            resolver.candle(next.get(0));

            assertThat(TickerDays.fromBytes("SPY", 40, resolver.store(ResolverStores.TICKER_DAYS).get("SPY")).recent())
                    .hasSize(1).isEqualTo(expected);
        }
    }

    /** The ticker-days bytes as format 1 wrote them: the forming bar's fields, then the closed bars. */
    private static byte[] legacyBytes(FormingDay forming, List<Candle> daily) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeByte(1);
            forming.writeFields(out);
            out.writeInt(daily.size());
            for (Candle c : daily) {
                out.writeLong(c.openTime());
                out.writeDouble(c.open());
                out.writeDouble(c.high());
                out.writeDouble(c.low());
                out.writeDouble(c.close());
                out.writeDouble(c.volume());
                out.writeUTF(c.source());
            }
        }
        return bytes.toByteArray();
    }

    private static List<Candle> hourlySpy(LocalDate date) throws IOException {
        Path file = Path.of(System.getProperty("edgeloop.data.dir"), "history", "SPY_60.json");
        return CandleFiles.read(file).candles().stream().filter(c -> MarketData.date(c).equals(date)).toList();
    }
}
