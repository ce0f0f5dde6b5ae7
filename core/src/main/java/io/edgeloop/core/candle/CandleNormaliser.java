package io.edgeloop.core.candle;

import io.edgeloop.core.candle.NormalisedSeries.DropReason;
import io.edgeloop.core.candle.NormalisedSeries.Dropped;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Makes one bar per instrument and period out of what vendors deliver. The rule, with the
 * evidence from the shipped data, is written up in {@code core/NORMALISATION.md}; in short:
 *
 * <ol>
 *   <li><b>Same open time</b>: identical rows are {@code DUPLICATE}s; rows with other values are
 *       revisions and the LAST row of the input wins ({@code REVISED}).</li>
 *   <li><b>Daily and longer bars get a period label</b>: the trade date of the stamp
 *       ({@link SessionCalendar#tradeDate}), its Monday for W, its first day for M. The output
 *       open time is that date at 00:00 UTC. A daily bar whose trade date is not a session day
 *       (a weekend for US equities) is dropped ({@code NOT_A_SESSION_DAY}).</li>
 *   <li><b>One bar per label</b>, by source priority of the stamp: a bar stamped at 00:00 UTC
 *       (the date-labelled vendor feed, which matches the exchange's daily bars) beats one
 *       stamped at 00:00 New York (a second feed that rounds, stops early and has bad ticks),
 *       which beats any other stamp (session open, close or a mid-session snapshot); then the
 *       larger volume (the more complete bar); then the later stamp. Losers are
 *       {@code SECONDARY_SOURCE}; those that differ by more than {@link #CONFLICT_TOLERANCE}
 *       in a price are counted as conflicts.</li>
 *   <li><b>Guards</b>: a bar kept from a lower-priority source whose close is more than 3x off
 *       the nearest primary-source bar is another instrument mixed into the file
 *       ({@code SOURCE_MISMATCH}); a daily bar repeating the previous kept session (same open
 *       and close, volume within 0.1%, volume above 0) is a vendor carry-over onto a closed
 *       day ({@code STALE_REPEAT}).</li>
 * </ol>
 * Intraday bars keep their open times; only rule 1 applies to them.
 */
public final class CandleNormaliser {

    /** Relative price difference above which two sources of one period are said to conflict. */
    public static final double CONFLICT_TOLERANCE = 0.005;
    /** Price ratio beyond which a lower-priority bar is taken for another instrument. */
    public static final double MISMATCH_FACTOR = 3.0;
    /** Relative volume difference under which an identical-price session is a repeat. */
    public static final double STALE_VOLUME_TOLERANCE = 1e-3;

    /** Source priority of a daily stamp, best first. */
    enum StampKind { UTC_MIDNIGHT, EXCHANGE_MIDNIGHT, SESSION }

    private CandleNormaliser() {
    }

    /**
     * Normalises one instrument's bars of one interval.
     *
     * @throws IllegalArgumentException when the candles mix tickers or intervals
     */
    public static NormalisedSeries normalise(List<Candle> candles, SessionCalendar calendar) {
        if (candles.isEmpty()) {
            return new NormalisedSeries(List.of(), List.of(), 0, 0);
        }
        Candle first = candles.get(0);
        for (Candle c : candles) {
            if (!c.ticker().equals(first.ticker()) || c.interval() != first.interval()) {
                throw new IllegalArgumentException("cannot normalise a mix of series: " + first.ticker() + " "
                        + first.interval().code() + " and " + c.ticker() + " " + c.interval().code());
            }
        }
        List<Dropped> dropped = new ArrayList<>();
        List<Candle> unique = dedupeSameTime(candles, dropped);
        if (first.interval().intraday()) {
            return new NormalisedSeries(unique, dropped, 0, candles.size());
        }
        return periodBars(unique, calendar, dropped, candles.size());
    }

    /** Rule 1: one bar per exact open time, the last row winning. Output sorted by open time. */
    private static List<Candle> dedupeSameTime(List<Candle> candles, List<Dropped> dropped) {
        List<Integer> order = new ArrayList<>(candles.size());
        for (int i = 0; i < candles.size(); i++) {
            order.add(i);
        }
        order.sort(Comparator.<Integer>comparingLong(i -> candles.get(i).openTime()).thenComparingInt(i -> i));
        List<Candle> out = new ArrayList<>(candles.size());
        for (int k = 0; k < order.size(); k++) {
            Candle c = candles.get(order.get(k));
            int j = k;
            while (j + 1 < order.size() && candles.get(order.get(j + 1)).openTime() == c.openTime()) {
                j++;
            }
            Candle winner = candles.get(order.get(j));
            for (int m = k; m < j; m++) {
                Candle loser = candles.get(order.get(m));
                boolean same = BarSequencer.sameValues(loser, winner);
                dropped.add(new Dropped(loser, same ? DropReason.DUPLICATE : DropReason.REVISED,
                        Instant.ofEpochMilli(loser.openTime()) + (same ? ": identical row repeated"
                                : ": replaced by a later row with the same open time")));
            }
            out.add(winner);
            k = j;
        }
        return out;
    }

    private static NormalisedSeries periodBars(List<Candle> sorted, SessionCalendar calendar,
                                               List<Dropped> dropped, int input) {
        Timeframe tf = sorted.get(0).interval();
        List<Labelled> labelled = new ArrayList<>(sorted.size());
        for (Candle c : sorted) {
            long date = calendar.tradeDate(c.openTime());
            long label = tf == Timeframe.D1 ? date
                    : tf == Timeframe.W1 ? EpochDays.weekStart(date) : EpochDays.monthStart(date);
            if (tf == Timeframe.D1 && !calendar.isSessionDay(label)) {
                dropped.add(new Dropped(c, DropReason.NOT_A_SESSION_DAY, EpochDays.toLocalDate(label)
                        + " (from stamp " + Instant.ofEpochMilli(c.openTime()) + ") is not a session day"));
                continue;
            }
            labelled.add(new Labelled(c, label, stampKind(c.openTime(), calendar)));
        }
        labelled.sort(Comparator.comparingLong(Labelled::label)
                .thenComparing(Labelled::kind)
                .thenComparing(Comparator.comparingDouble((Labelled l) -> l.candle().volume()).reversed())
                .thenComparing(Comparator.comparingLong((Labelled l) -> l.candle().openTime()).reversed()));
        List<Labelled> winners = new ArrayList<>();
        int conflicts = 0;
        for (int k = 0; k < labelled.size(); k++) {
            Labelled winner = labelled.get(k);
            int j = k;
            while (j + 1 < labelled.size() && labelled.get(j + 1).label() == winner.label()) {
                j++;
                Labelled loser = labelled.get(j);
                double diff = maxPriceDifference(loser.candle(), winner.candle());
                boolean conflict = diff > CONFLICT_TOLERANCE;
                conflicts += conflict ? 1 : 0;
                dropped.add(new Dropped(loser.candle(), DropReason.SECONDARY_SOURCE, String.format(
                        "%s: %s bar (stamp %s) dropped for the %s bar%s", EpochDays.toLocalDate(loser.label()),
                        loser.kind(), Instant.ofEpochMilli(loser.candle().openTime()), winner.kind(),
                        conflict ? String.format(", conflicting by %.2f%%", diff * 100) : "")));
            }
            winners.add(winner);
            k = j;
        }
        return new NormalisedSeries(guarded(winners, tf, dropped), dropped, conflicts, input);
    }

    /** Rule 4: source-mismatch and stale-repeat guards, then relabelling. */
    private static List<Candle> guarded(List<Labelled> winners, Timeframe tf, List<Dropped> dropped) {
        StampKind top = StampKind.SESSION;
        for (Labelled w : winners) {
            top = w.kind().compareTo(top) < 0 ? w.kind() : top;
        }
        int n = winners.size();
        int[] prevTop = new int[n];
        int[] nextTop = new int[n];
        for (int i = 0, last = -1; i < n; i++) {
            prevTop[i] = last;
            last = winners.get(i).kind() == top ? i : last;
        }
        for (int i = n - 1, next = -1; i >= 0; i--) {
            nextTop[i] = next;
            next = winners.get(i).kind() == top ? i : next;
        }
        List<Candle> out = new ArrayList<>(n);
        Candle prev = null;
        for (int i = 0; i < n; i++) {
            Labelled w = winners.get(i);
            Candle c = w.candle();
            if (w.kind() != top) {
                int ref = prevTop[i] >= 0 ? prevTop[i] : nextTop[i];
                if (ref >= 0) {
                    double ratio = c.close() / winners.get(ref).candle().close();
                    if (ratio > MISMATCH_FACTOR || ratio < 1 / MISMATCH_FACTOR) {
                        dropped.add(new Dropped(c, DropReason.SOURCE_MISMATCH, String.format(
                                "%s: %s bar closes at %s, %.1fx the primary source's %s",
                                EpochDays.toLocalDate(w.label()), w.kind(), c.close(), ratio,
                                winners.get(ref).candle().close())));
                        continue;
                    }
                }
            }
            if (tf == Timeframe.D1 && prev != null && isRepeat(c, prev)) {
                dropped.add(new Dropped(c, DropReason.STALE_REPEAT, EpochDays.toLocalDate(w.label())
                        + ": repeats the session of " + EpochDays.toLocalDate(EpochDays.ofMillis(prev.openTime()))));
                continue;
            }
            Candle kept = c.withOpenTime(w.label() * EpochDays.DAY_MS);
            out.add(kept);
            prev = kept;
        }
        return out;
    }

    private static boolean isRepeat(Candle c, Candle prev) {
        return c.volume() > 0 && prev.volume() > 0
                && c.open() == prev.open() && c.close() == prev.close()
                && Math.abs(c.volume() / prev.volume() - 1) <= STALE_VOLUME_TOLERANCE;
    }

    private static double maxPriceDifference(Candle a, Candle b) {
        return Math.max(Math.max(rel(a.open(), b.open()), rel(a.high(), b.high())),
                Math.max(rel(a.low(), b.low()), rel(a.close(), b.close())));
    }

    private static double rel(double a, double b) {
        return Math.abs(a - b) / Math.abs(b);
    }

    /** Source priority of a daily stamp: 00:00 UTC, then 00:00 at the exchange, then anything else. */
    static StampKind stampKind(long stamp, SessionCalendar calendar) {
        if (Math.floorMod(stamp, EpochDays.DAY_MS) == 0) {
            return StampKind.UTC_MIDNIGHT;
        }
        if (calendar == SessionCalendar.US_EQUITY
                && Math.floorMod(stamp + ZoneOffsetTable.NEW_YORK.offsetMillis(stamp), EpochDays.DAY_MS) == 0) {
            return StampKind.EXCHANGE_MIDNIGHT;
        }
        return StampKind.SESSION;
    }

    private record Labelled(Candle candle, long label, StampKind kind) {
    }
}
