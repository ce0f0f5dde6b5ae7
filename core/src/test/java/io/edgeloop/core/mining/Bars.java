package io.edgeloop.core.mining;

import io.edgeloop.core.candle.Candle;
import io.edgeloop.core.candle.Timeframe;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/** Builds small daily series for tests: one bar per weekday from a first date. */
final class Bars {

    static final double VOLUME = 1_000_000;

    private Bars() {
    }

    /** Flat bars (open = high = low = close) at the given closes. */
    static List<Candle> closes(String ticker, LocalDate first, double... closes) {
        double[][] hlc = new double[closes.length][];
        for (int i = 0; i < closes.length; i++) {
            hlc[i] = new double[] {closes[i], closes[i], closes[i]};
        }
        return hlc(ticker, first, VOLUME, hlc);
    }

    /** Bars from {high, low, close} triples. */
    static List<Candle> hlc(String ticker, LocalDate first, double volume, double[]... hlc) {
        List<Candle> bars = new ArrayList<>();
        LocalDate date = first;
        for (double[] bar : hlc) {
            while (date.getDayOfWeek() == DayOfWeek.SATURDAY || date.getDayOfWeek() == DayOfWeek.SUNDAY) {
                date = date.plusDays(1);
            }
            long openTime = date.atStartOfDay(ZoneOffset.UTC).toInstant().toEpochMilli();
            bars.add(new Candle(ticker, Timeframe.D1, openTime, bar[2], bar[0], bar[1], bar[2], volume, "test"));
            date = date.plusDays(1);
        }
        return bars;
    }

    /** {@code n} flat bars at one price with the given volume. */
    static List<Candle> flat(String ticker, LocalDate first, int n, double price, double volume) {
        double[][] hlc = new double[n][];
        for (int i = 0; i < n; i++) {
            hlc[i] = new double[] {price, price, price};
        }
        return hlc(ticker, first, volume, hlc);
    }
}
