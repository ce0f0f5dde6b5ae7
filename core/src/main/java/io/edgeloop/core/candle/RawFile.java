package io.edgeloop.core.candle;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * What a format reader found in a file before ticker, interval and validation are applied:
 * the header fields, the parsed rows in primitive arrays, and the rows that failed parsing.
 */
final class RawFile {

    String ticker;
    String interval;
    String vendor;
    CandleFormat format;
    int missingVolume;
    final List<RowError> errors = new ArrayList<>();

    int size;
    int[] index;
    long[] time;
    boolean[] endStamp;
    double[] open;
    double[] high;
    double[] low;
    double[] close;
    double[] volume;
    int[] rawFrom;
    int[] rawTo;

    private final byte[] bytes;
    private final String text;

    private RawFile(byte[] bytes, String text, int expectedRows) {
        this.bytes = bytes;
        this.text = text;
        int n = Math.max(16, expectedRows);
        index = new int[n];
        time = new long[n];
        endStamp = new boolean[n];
        open = new double[n];
        high = new double[n];
        low = new double[n];
        close = new double[n];
        volume = new double[n];
        rawFrom = new int[n];
        rawTo = new int[n];
    }

    static RawFile ofBytes(byte[] bytes, int expectedRows) {
        return new RawFile(bytes, null, expectedRows);
    }

    static RawFile ofText(String text, int expectedRows) {
        return new RawFile(null, text, expectedRows);
    }

    void add(int rowIndex, long t, boolean end, double o, double h, double l, double c, double v, int from, int to) {
        if (size == index.length) {
            grow();
        }
        index[size] = rowIndex;
        time[size] = t;
        endStamp[size] = end;
        open[size] = o;
        high[size] = h;
        low[size] = l;
        close[size] = c;
        volume[size] = v;
        rawFrom[size] = from;
        rawTo[size] = to;
        size++;
    }

    /** The text of a row between two offsets (bytes of a JSON file, chars of a CSV file). */
    String raw(int from, int to) {
        if (from < 0 || to <= from) {
            return "";
        }
        return bytes != null
                ? new String(bytes, from, to - from, StandardCharsets.UTF_8)
                : text.substring(from, to);
    }

    private void grow() {
        int n = index.length * 2;
        index = Arrays.copyOf(index, n);
        time = Arrays.copyOf(time, n);
        endStamp = Arrays.copyOf(endStamp, n);
        open = Arrays.copyOf(open, n);
        high = Arrays.copyOf(high, n);
        low = Arrays.copyOf(low, n);
        close = Arrays.copyOf(close, n);
        volume = Arrays.copyOf(volume, n);
        rawFrom = Arrays.copyOf(rawFrom, n);
        rawTo = Arrays.copyOf(rawTo, n);
    }
}
