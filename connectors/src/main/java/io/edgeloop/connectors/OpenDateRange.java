package io.edgeloop.connectors;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;

/**
 * The bars a candle source publishes by date: those whose open time falls on a UTC date in
 * {@code [from, to]}, both ends included, either open (null). Rows refused by the reader are
 * dead-lettered whatever their date (a refused row may have no date to test).
 *
 * @param from first UTC date, null = from the first bar
 * @param to   last UTC date, null = to the last bar
 */
record OpenDateRange(LocalDate from, LocalDate to) {

    /** Every bar. */
    static final OpenDateRange ALL = new OpenDateRange(null, null);

    OpenDateRange {
        if (from != null && to != null && to.isBefore(from)) {
            throw new IllegalArgumentException("the range ends (" + to + ") before it starts (" + from + ")");
        }
    }

    boolean all() {
        return from == null && to == null;
    }

    boolean contains(long openTime) {
        LocalDate day = LocalDate.ofInstant(Instant.ofEpochMilli(openTime), ZoneOffset.UTC);
        return (from == null || !day.isBefore(from)) && (to == null || !day.isAfter(to));
    }

    /** For the series fingerprint: a new range makes the series resume after its last published bar. */
    @Override
    public String toString() {
        return (from == null ? "" : from.toString()) + ".." + (to == null ? "" : to.toString());
    }
}
