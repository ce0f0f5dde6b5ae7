package io.edgeloop.core.retro;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.TextStyle;
import java.time.temporal.TemporalAdjusters;
import java.util.Locale;
import java.util.Objects;

/**
 * When the weekly retrospective runs: a day of the week and a time of day in UTC (default
 * Friday 21:15, after the US close in summer and winter). The instant is compared with stream
 * time (replays) or with the wall clock (live); see the app's options.
 *
 * @param day  day of the week
 * @param time time of day, UTC
 */
public record RetroSchedule(DayOfWeek day, LocalTime time) {

    /** Fridays 21:15 UTC. */
    public static final RetroSchedule DEFAULT = new RetroSchedule(DayOfWeek.FRIDAY, LocalTime.of(21, 15));

    public RetroSchedule {
        Objects.requireNonNull(day, "day");
        Objects.requireNonNull(time, "time");
    }

    /**
     * Parses {@code "FRI 21:15"}: a day name or its first three letters (any case), a space,
     * and {@code HH:mm} in UTC.
     */
    public static RetroSchedule parse(String text) {
        String[] parts = text.trim().split("\\s+");
        if (parts.length != 2) {
            throw new IllegalArgumentException("schedule must be 'DAY HH:mm' (UTC), e.g. 'FRI 21:15', got '" + text + "'");
        }
        DayOfWeek day = null;
        String d = parts[0].toUpperCase(Locale.ROOT);
        for (DayOfWeek candidate : DayOfWeek.values()) {
            if (candidate.name().equals(d) || d.length() == 3 && candidate.name().startsWith(d)) {
                day = candidate;
            }
        }
        if (day == null) {
            throw new IllegalArgumentException("unknown day '" + parts[0] + "' in schedule '" + text
                    + "' (MON, TUE, WED, THU, FRI, SAT, SUN)");
        }
        try {
            return new RetroSchedule(day, LocalTime.parse(parts[1]));
        } catch (java.time.format.DateTimeParseException e) {
            throw new IllegalArgumentException("time '" + parts[1] + "' in schedule '" + text + "' is not HH:mm", e);
        }
    }

    /** The first scheduled instant strictly after {@code t}. */
    public Instant nextAfter(Instant t) {
        ZonedDateTime at = t.atZone(ZoneOffset.UTC);
        ZonedDateTime candidate = at.with(TemporalAdjusters.nextOrSame(day)).with(time).withSecond(0).withNano(0);
        if (!candidate.toInstant().isAfter(t)) {
            candidate = candidate.plusWeeks(1);
        }
        return candidate.toInstant();
    }

    /** The as-of date of a run at a scheduled instant: its UTC date (that day's bar is the last one used). */
    public static LocalDate asOf(Instant scheduled) {
        return scheduled.atZone(ZoneOffset.UTC).toLocalDate();
    }

    /** {@code FRI 21:15}. */
    @Override
    public String toString() {
        return day.getDisplayName(TextStyle.SHORT, Locale.ROOT).toUpperCase(Locale.ROOT) + " " + time;
    }
}
