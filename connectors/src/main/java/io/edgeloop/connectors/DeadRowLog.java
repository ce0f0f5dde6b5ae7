package io.edgeloop.connectors;

import io.edgeloop.connectors.FeedItem.DeadRow;
import io.edgeloop.core.candle.RowError;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Remembers which refused rows of each file were reported, so a row goes to the dead-letter
 * topic once. Per file (source partition {@code {"file": path}}) it keeps the file version
 * ({@code size:mtime}) and the last reported row: an unchanged file reports the rows after it
 * (those not yet acknowledged before a restart); a changed file is taken as appended to and also
 * reports only later rows; a file that cannot be read at all is reported once per version, and
 * keeps its last reported row, so the rows reported before a broken version are not reported
 * again once the file is fixed.
 */
final class DeadRowLog {

    private static final String ROW_ERROR_CLASS = RowError.class.getName();

    private record Mark(String fingerprint, long lastRow) {
    }

    private final CandleFeed.OffsetLookup offsets;
    private final Map<Path, Mark> marks = new HashMap<>();

    DeadRowLog(CandleFeed.OffsetLookup offsets) {
        this.offsets = offsets;
    }

    /** The dead rows of new and changed files that were not reported yet, in file and row order. */
    List<DeadRow> reportable(List<CandleFileRead> changed) {
        List<Map<String, Object>> unknown = new ArrayList<>();
        for (CandleFileRead read : changed) {
            if (!marks.containsKey(read.stat().path()) && (read.failed() || !read.errors().isEmpty())) {
                unknown.add(FeedItem.filePartition(read.stat().path()));
            }
        }
        Map<Map<String, Object>, Map<String, Object>> stored = unknown.isEmpty() ? Map.of() : offsets.stored(unknown);
        List<DeadRow> out = new ArrayList<>();
        for (CandleFileRead read : changed) {
            Path path = read.stat().path();
            Mark mark = marks.get(path);
            if (mark == null) {
                Map<String, Object> o = stored.get(FeedItem.filePartition(path));
                mark = o == null ? null : new Mark(String.valueOf(o.get("fingerprint")), CandleFeed.asLong(o.get("lastRow")));
            }
            String fingerprint = read.stat().fingerprint();
            if (read.failed()) {
                if (mark == null || !mark.fingerprint().equals(fingerprint)) {
                    long lastRow = mark == null ? -1 : mark.lastRow();
                    out.add(new DeadRow(path, null, -1, null, read.failure(), read.failureClass(),
                            Map.of("fingerprint", fingerprint, "lastRow", lastRow)));
                    mark = new Mark(fingerprint, lastRow);
                }
            } else {
                long after = mark == null ? -1 : mark.lastRow();
                for (RowError e : read.errors()) {
                    if (e.rowIndex() > after) {
                        out.add(new DeadRow(path, read.key().ticker(), e.rowIndex(), e.raw(), e.reason(),
                                ROW_ERROR_CLASS, Map.of("fingerprint", fingerprint, "lastRow", (long) e.rowIndex())));
                        after = e.rowIndex();
                    }
                }
                mark = new Mark(fingerprint, after);
            }
            marks.put(path, mark);
        }
        return out;
    }
}
