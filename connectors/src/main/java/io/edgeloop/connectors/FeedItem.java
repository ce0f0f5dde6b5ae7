package io.edgeloop.connectors;

import io.edgeloop.core.candle.Candle;

import java.nio.file.Path;
import java.util.Map;

/** What the candle feed hands its task to publish: a bar or a dead row, with its source coordinates. */
sealed interface FeedItem {

    /** Connect source partition. */
    Map<String, Object> partition();

    /** Connect source offset after this item. */
    Map<String, Object> offset();

    /**
     * The next bar of a series.
     *
     * @param key       its series
     * @param candle    the normalised bar
     * @param closeTime its event time, epoch ms ({@link io.edgeloop.core.candle.BarClose})
     * @param offset    {@code position} (bars of the series published, this one included),
     *                  {@code lastOpenTime} (this bar's open time) and {@code fingerprint} (the
     *                  version of the series' files)
     */
    record Bar(SeriesKey key, Candle candle, long closeTime, Map<String, Object> offset) implements FeedItem {

        @Override
        public Map<String, Object> partition() {
            return key.partition();
        }
    }

    /**
     * A row (or a whole file) that could not be read.
     *
     * @param file        the file
     * @param ticker      the file's ticker; null when the file could not be read at all
     * @param rowIndex    0-based data row, or -1 for the whole file
     * @param raw         the row's text; null for the whole file
     * @param reason      why
     * @param errorClass  class of the error ({@code io.edgeloop.core.candle.RowError} for a row)
     * @param offset      {@code fingerprint} (the file version) and {@code lastRow} (this row; for a
     *                    whole file, the last row reported before it, -1 for none)
     */
    record DeadRow(Path file, String ticker, long rowIndex, String raw, String reason, String errorClass,
                   Map<String, Object> offset) implements FeedItem {

        @Override
        public Map<String, Object> partition() {
            return filePartition(file);
        }
    }

    /** The Connect source partition of a file's dead rows: {@code {"file": "<absolute path>"}}. */
    static Map<String, Object> filePartition(Path file) {
        return Map.of("file", file.toString());
    }
}
