package io.edgeloop.core.indicators;

import io.edgeloop.core.candle.Candle;
import io.edgeloop.core.candle.Timeframe;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.StringWriter;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class IndicatorReportTest {

    @Test
    void shouldWriteOneRowPerCandleWithEmptyCellsUntilWarm() throws IOException {
        List<Candle> candles = MarketData.history("SPY_D");
        StringWriter out = new StringWriter();
        int rows = IndicatorReport.write(candles, out);
        String[] lines = out.toString().split("\n", -1);

        assertThat(rows).isEqualTo(candles.size());
        assertThat(lines).hasSize(candles.size() + 2);
        assertThat(lines[0]).isEqualTo(
                "ts,open,high,low,close,volume,ema21,ema200,rsi14,atr14,st_dir,st_line,sq_on,sq_release");
        assertThat(lines[lines.length - 1]).isEmpty();
        assertThat(lines[1]).isEqualTo("1468243800000,213.19,214.07,212.95,213.4,73633937,,,,,,,,");

        TimeframeBundle bundle = new TimeframeBundle();
        for (int i = 0; i < candles.size(); i++) {
            bundle.update(candles.get(i));
            String[] cells = lines[i + 1].split(",", -1);
            assertThat(cells).hasSize(14);
            assertThat(Long.parseLong(cells[0])).isEqualTo(candles.get(i).openTime());
            assertThat(Double.parseDouble(cells[4])).isEqualTo(candles.get(i).close());
            assertCell(cells[6], bundle.ema21());
            assertCell(cells[7], bundle.ema200());
            assertCell(cells[8], bundle.rsi14());
            assertCell(cells[9], bundle.atr14());
            assertCell(cells[10], bundle.stDir());
            assertCell(cells[11], bundle.stLine());
            assertCell(cells[12], bundle.sqOn());
            assertCell(cells[13], bundle.sqRelease());
        }
        String[] warm = lines[candles.size()].split(",", -1);
        assertThat(warm[10]).isIn("1", "-1");
        assertThat(warm[12]).isIn("0", "1");
        assertThat(lines[9].split(",", -1)[10]).as("no SuperTrend before the 10th bar").isEmpty();
        assertThat(lines[10].split(",", -1)[10]).as("Pine starts every SuperTrend bear").isEqualTo("-1");
    }

    private static void assertCell(String cell, double value) {
        if (Double.isNaN(value)) {
            assertThat(cell).isEmpty();
        } else {
            assertThat(cell).doesNotContain("E");
            assertThat(Double.parseDouble(cell)).isEqualTo(value);
        }
    }

    @Test
    void shouldFormatNumbersInPlainShortestForm() {
        assertThat(IndicatorReport.format(1.0)).isEqualTo("1");
        assertThat(IndicatorReport.format(-1.0)).isEqualTo("-1");
        assertThat(IndicatorReport.format(0.0)).isEqualTo("0");
        assertThat(IndicatorReport.format(583.15)).isEqualTo("583.15");
        assertThat(IndicatorReport.format(1.5e-7)).isEqualTo("0.00000015");
        assertThat(IndicatorReport.format(7.3633937e7)).isEqualTo("73633937");
        assertThat(IndicatorReport.format(0.1 + 0.2)).isEqualTo("0.30000000000000004");
    }

    @Test
    void shouldRejectCandlesOutOfTimeOrder() {
        Candle a = new Candle("X", Timeframe.D1, 2_000, 10, 11, 9, 10, 100, "test");
        Candle b = new Candle("X", Timeframe.D1, 1_000, 10, 11, 9, 10, 100, "test");
        assertThatThrownBy(() -> IndicatorReport.write(List.of(a, b), new StringWriter()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("strictly increasing").hasMessageContaining("row 2 has ts 1000 after ts 2000");
    }

    @Test
    void shouldNameTheCandleThatCannotBeUsed() {
        Candle bad = new Candle("X", Timeframe.D1, 1_000, 10, 9, 11, 10, 100, "test");
        assertThatThrownBy(() -> IndicatorReport.write(List.of(bad), new StringWriter()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("candle X ts 1000").hasMessageContaining("high >= low");
    }
}
