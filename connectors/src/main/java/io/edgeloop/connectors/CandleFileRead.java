package io.edgeloop.connectors;

import io.edgeloop.connectors.CandleFileScanner.FileStat;
import io.edgeloop.core.candle.Candle;
import io.edgeloop.core.candle.CandleFileException;
import io.edgeloop.core.candle.CandleFiles;
import io.edgeloop.core.candle.CandleNormaliser;
import io.edgeloop.core.candle.NormalisedSeries;
import io.edgeloop.core.candle.ParsedFile;
import io.edgeloop.core.candle.RowError;
import io.edgeloop.core.candle.SessionCalendar;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.util.List;

/**
 * One candle file as the source read it: its series, its normalised bars and refused rows, or
 * why it could not be read at all.
 *
 * @param stat         the file version that was read
 * @param key          its series; null when the file could not be read
 * @param bars         normalised bars ({@link CandleNormaliser}), time ordered; null when the
 *                     file belongs to another task or was filtered out (only its key is kept)
 * @param errors       rows refused by the reader or validator
 * @param failure      why the whole file could not be read; null when it was read
 * @param failureClass class of the failure
 */
record CandleFileRead(FileStat stat, SeriesKey key, List<Candle> bars, List<RowError> errors,
                      String failure, String failureClass) {

    private static final Logger LOG = LoggerFactory.getLogger(CandleFileRead.class);

    boolean failed() {
        return failure != null;
    }

    /** The same read without its bars (for a file another task publishes). */
    CandleFileRead withoutBars() {
        return new CandleFileRead(stat, key, null, List.of(), failure, failureClass);
    }

    /**
     * Reads and normalises a file. A file that is malformed as a whole, or whose content makes
     * the reader fail, becomes a failed read (it goes to the dead-letter topic).
     *
     * @throws IOException when the file vanished or cannot be read now (retried on the next scan)
     */
    static CandleFileRead read(FileStat stat) throws IOException {
        ParsedFile parsed;
        try {
            parsed = CandleFiles.read(stat.path());
        } catch (CandleFileException e) {
            return failed(stat, e.getMessage(), e);
        } catch (RuntimeException e) {
            LOG.error("reading {} failed; the file goes to the dead-letter topic", stat.path(), e);
            return failed(stat, "reader failed: " + e, e);
        }
        NormalisedSeries series = CandleNormaliser.normalise(parsed.candles(), SessionCalendar.forTicker(parsed.ticker()));
        if (!series.dropped().isEmpty() || parsed.missingVolume() > 0) {
            LOG.debug("{}: {} rows, {} refused, {} bars kept, dropped {}, {} without volume", stat.path(),
                    parsed.rows(), parsed.errors().size(), series.candles().size(), series.counts(),
                    parsed.missingVolume());
        }
        return new CandleFileRead(stat, new SeriesKey(parsed.ticker(), parsed.interval()), series.candles(),
                parsed.errors(), null, null);
    }

    private static CandleFileRead failed(FileStat stat, String reason, Exception e) {
        return new CandleFileRead(stat, null, null, List.of(), reason, e.getClass().getName());
    }
}
