package io.edgeloop.connectors;

import io.edgeloop.core.candle.Candle;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Chains the normalised bars of every file that carries one series into one time-ordered list.
 *
 * <p>The rule: files are taken by their first bar (earliest first; then the longer file; then
 * the path), and each file contributes only the bars after the last bar taken so far. So no
 * period is ever built from two files, and a later file only extends a series. Two files of one
 * series are often different sources (the shipped {@code etf-daily} prices are
 * dividend-adjusted, {@code history} and {@code universe-daily} are as traded): mixing them bar
 * by bar would put fake moves into the series; extending keeps each stretch from one source.
 * Within one file, {@code CandleNormaliser} has already made one bar per period.
 */
final class SeriesChain {

    /**
     * One file's normalised bars.
     *
     * @param path the file
     * @param bars strictly increasing open times
     */
    record FileBars(Path path, List<Candle> bars) {
    }

    /**
     * @param bars    the chained bars, strictly increasing open times
     * @param skipped bars of later files dropped because an earlier file covers their time
     */
    record Chained(List<Candle> bars, int skipped) {
    }

    private static final Comparator<FileBars> ORDER = Comparator
            .comparingLong((FileBars f) -> f.bars().get(0).openTime())
            .thenComparing(Comparator.comparingInt((FileBars f) -> f.bars().size()).reversed())
            .thenComparing(FileBars::path);

    private SeriesChain() {
    }

    static Chained chain(List<FileBars> files) {
        List<FileBars> ordered = new ArrayList<>();
        int total = 0;
        for (FileBars f : files) {
            if (!f.bars().isEmpty()) {
                ordered.add(f);
                total += f.bars().size();
            }
        }
        ordered.sort(ORDER);
        if (ordered.size() == 1) {
            return new Chained(ordered.get(0).bars(), 0);
        }
        List<Candle> out = new ArrayList<>(total);
        long last = Long.MIN_VALUE;
        for (FileBars f : ordered) {
            for (Candle c : f.bars()) {
                if (c.openTime() > last) {
                    out.add(c);
                    last = c.openTime();
                }
            }
        }
        return new Chained(List.copyOf(out), total - out.size());
    }
}
