package io.edgeloop.core.candle;

/**
 * A row of a candle file that did not become a candle: it could not be parsed or it failed
 * {@link CandleValidator}. Such rows are reported, never silently dropped.
 *
 * @param rowIndex 0-based position of the row among the file's data rows (JSON array element,
 *                 or CSV line after the header)
 * @param raw      the row's text as it stands in the file
 * @param reason   why it was refused
 */
public record RowError(int rowIndex, String raw, String reason) {
}
