package io.edgeloop.core.indicators;

import io.edgeloop.core.candle.Candle;

import java.io.IOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.util.List;

/**
 * The {@code indicators} report: one CSV row per bar with the headline indicators, computed on
 * the bars exactly as given (no resampling), so a user can compare them with a TradingView chart
 * of the same symbol and interval.
 *
 * <p>Columns: {@value #HEADER}. {@code ts} is the candle's open time in epoch milliseconds, as
 * in the input; prices and volume as given; {@code ema21}, {@code ema200} ({@code ta.ema}),
 * {@code rsi14} ({@code ta.rsi}), {@code atr14} ({@code ta.atr}); {@code st_dir} 1 bull / -1
 * bear and {@code st_line} from {@code ta.supertrend(3, 10)}; {@code sq_on}, {@code sq_release}
 * 0/1 for the Bollinger(20, 2)-in-Keltner(20, SMA, 1.5 ATR20) squeeze. A cell is empty until
 * its indicator has warmed up. Numbers are written in plain decimal notation with the shortest
 * digits that read back to the same double.
 */
public final class IndicatorReport {

    /** The header line, without line terminator. */
    public static final String HEADER =
            "ts,open,high,low,close,volume,ema21,ema200,rsi14,atr14,st_dir,st_line,sq_on,sq_release";

    private IndicatorReport() {
    }

    /**
     * Writes the header and one row per candle, each line ending in {@code \n}.
     *
     * @param candles the bars, validated and in strictly increasing open-time order
     * @param out     where the CSV goes; flushed, not closed
     * @return the number of data rows written
     * @throws IllegalArgumentException when the candles are not strictly increasing in time or a
     *                                  candle cannot be used (the message names its timestamp)
     */
    public static int write(List<Candle> candles, Writer out) throws IOException {
        TimeframeBundle bundle = new TimeframeBundle();
        StringBuilder line = new StringBuilder(160);
        out.write(HEADER);
        out.write('\n');
        long previous = Long.MIN_VALUE;
        int row = 0;
        for (Candle candle : candles) {
            if (row > 0 && candle.openTime() <= previous) {
                throw new IllegalArgumentException("candles must be in strictly increasing time order: row "
                        + (row + 1) + " has ts " + candle.openTime() + " after ts " + previous);
            }
            try {
                bundle.update(candle);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("candle " + candle.ticker() + " ts " + candle.openTime()
                        + ": " + e.getMessage(), e);
            }
            line.setLength(0);
            line.append(candle.openTime());
            cell(line, candle.open());
            cell(line, candle.high());
            cell(line, candle.low());
            cell(line, candle.close());
            cell(line, candle.volume());
            cell(line, bundle.ema21());
            cell(line, bundle.ema200());
            cell(line, bundle.rsi14());
            cell(line, bundle.atr14());
            cell(line, bundle.stDir());
            cell(line, bundle.stLine());
            cell(line, bundle.sqOn());
            cell(line, bundle.sqRelease());
            line.append('\n');
            out.append(line);
            previous = candle.openTime();
            row++;
        }
        out.flush();
        return row;
    }

    private static void cell(StringBuilder line, double value) {
        line.append(',');
        if (!Double.isNaN(value)) {
            line.append(format(value));
        }
    }

    /** Plain decimal, shortest round-trip digits, no exponent, no trailing zeros ("1", "0.25"). */
    static String format(double value) {
        return BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
    }
}
