package io.edgeloop.core.mining;

import io.edgeloop.core.snapshot.Fields;
import io.edgeloop.core.snapshot.Fields.Family;
import io.edgeloop.core.snapshot.Snapshot;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/** Hand-built trails for tests: one snapshot per weekday, state derived from the score signs. */
final class Trails {

    private Trails() {
    }

    /** A day with HTF and LTF scores; the state follows the quadrant rule. */
    static Day day(double htf, double ltf) {
        return new Day(htf, ltf);
    }

    /** A trail of the given days on consecutive weekdays from {@code first}. */
    static Trail trail(LocalDate first, Day... days) {
        List<LocalDate> dates = new ArrayList<>();
        List<Snapshot> snapshots = new ArrayList<>();
        LocalDate date = first;
        for (Day day : days) {
            while (date.getDayOfWeek() == DayOfWeek.SATURDAY || date.getDayOfWeek() == DayOfWeek.SUNDAY) {
                date = date.plusDays(1);
            }
            dates.add(date);
            snapshots.add(day.snapshot);
            date = date.plusDays(1);
        }
        return Trail.of(dates, snapshots);
    }

    /** The weekday {@code index} weekdays after {@code first} (first itself a weekday). */
    static LocalDate weekday(LocalDate first, int index) {
        LocalDate date = first;
        for (int i = 0; i < index; i++) {
            date = date.plusDays(date.getDayOfWeek() == DayOfWeek.FRIDAY ? 3 : 1);
        }
        return date;
    }

    static final class Day {
        final Snapshot snapshot = new Snapshot();

        private Day(double htf, double ltf) {
            snapshot.set(Fields.HTF_SCORE, htf);
            snapshot.set(Fields.LTF_SCORE, ltf);
            String state = htf >= 0 ? (ltf >= 0 ? "HTF_BULL_LTF_BULL" : "HTF_BULL_LTF_PULLBACK")
                    : (ltf < 0 ? "HTF_BEAR_LTF_BEAR" : "HTF_BEAR_LTF_PULLBACK");
            snapshot.setCategory(Fields.STATE, state);
            snapshot.set(Fields.MOMENTUM_ELITE, false);
            for (Family family : new Family[] {Family.SQ_RELEASE, Family.ST_FLIP, Family.EMA_CROSS}) {
                snapshot.set(Fields.ltf(family), 0);
                snapshot.set(Fields.htf(family), 0);
            }
            snapshot.set(Fields.ltf(Family.COMPRESSED), false);
            snapshot.set(Fields.htf(Family.COMPRESSED), false);
        }

        /** A directional event on the LTF side: +1 bull, -1 bear. */
        Day ltf(Family family, int direction) {
            snapshot.set(Fields.ltf(family), direction);
            return this;
        }

        /** A directional event on the HTF side. */
        Day htf(Family family, int direction) {
            snapshot.set(Fields.htf(family), direction);
            return this;
        }

        Day elite() {
            snapshot.set(Fields.MOMENTUM_ELITE, true);
            return this;
        }

        Day compressed() {
            snapshot.set(Fields.ltf(Family.COMPRESSED), true);
            return this;
        }

        Day completion(double completion) {
            snapshot.set(Fields.COMPLETION, completion);
            return this;
        }

        Day phase(double phasePct, String zone) {
            snapshot.set(Fields.PHASE_PCT, phasePct);
            snapshot.setCategory(Fields.PHASE_ZONE, zone);
            return this;
        }

        Day rank(double rank) {
            snapshot.set(Fields.RANK, rank);
            return this;
        }

        Day absentScores() {
            snapshot.set(Fields.HTF_SCORE, Double.NaN);
            snapshot.set(Fields.LTF_SCORE, Double.NaN);
            return this;
        }
    }
}
