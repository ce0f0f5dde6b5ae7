package io.edgeloop.core.candle;

import java.util.List;

/**
 * One candle file as read by {@link CandleFiles#read}: its valid candles in file order (not yet
 * normalised, see {@link CandleNormaliser}) and every refused row.
 *
 * @param ticker        normalised symbol ({@link Symbols#normalise})
 * @param interval      bar interval, from the file's fields, its name, or its time steps
 * @param source        vendor when the file names one ({@code tradingview}, {@code YahooFinance},
 *                      {@code Coinbase}, {@code TradingView}), else the file name
 * @param format        detected layout
 * @param candles       valid candles, in file order
 * @param errors        rows that failed parsing or validation, by row index
 * @param missingVolume rows whose volume was null or absent and was read as 0
 */
public record ParsedFile(
        String ticker,
        Timeframe interval,
        String source,
        CandleFormat format,
        List<Candle> candles,
        List<RowError> errors,
        int missingVolume) {

    public ParsedFile {
        candles = List.copyOf(candles);
        errors = List.copyOf(errors);
    }

    /** Rows read: valid candles plus refused rows. */
    public int rows() {
        return candles.size() + errors.size();
    }
}
