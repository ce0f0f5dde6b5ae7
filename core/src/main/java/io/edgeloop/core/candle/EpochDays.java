package io.edgeloop.core.candle;

import java.time.LocalDate;

/**
 * Calendar arithmetic on epoch days (days since 1970-01-01), without allocation, for the hot
 * path of aggregation. A D, W or M bar's {@link Candle#openTime()} is {@code epochDay * DAY_MS}.
 *
 * <p>The civil-date conversion is Howard Hinnant's {@code civil_from_days} algorithm
 * ("chrono-Compatible Low-Level Date Algorithms", proleptic Gregorian calendar).
 */
public final class EpochDays {

    /** Milliseconds in a day. */
    public static final long DAY_MS = 86_400_000L;

    private EpochDays() {
    }

    /** The epoch day of an instant in UTC. */
    public static long ofMillis(long epochMillis) {
        return Math.floorDiv(epochMillis, DAY_MS);
    }

    /** Day of week, 0 = Monday .. 6 = Sunday (1970-01-01 was a Thursday). */
    public static int dayOfWeek(long epochDay) {
        return (int) Math.floorMod(epochDay + 3, 7L);
    }

    /** True for Saturday and Sunday. */
    public static boolean isWeekend(long epochDay) {
        return dayOfWeek(epochDay) >= 5;
    }

    /** The Monday of the ISO week that holds the day. */
    public static long weekStart(long epochDay) {
        return epochDay - dayOfWeek(epochDay);
    }

    /** The first day of the day's month. */
    public static long monthStart(long epochDay) {
        return epochDay - (dayOfMonth(epochDay) - 1);
    }

    /** The first day of the following month. */
    public static long nextMonthStart(long epochDay) {
        long z = epochDay + 719_468;
        long era = Math.floorDiv(z, 146_097);
        long doe = z - era * 146_097;
        long yoe = (doe - doe / 1_460 + doe / 36_524 - doe / 146_096) / 365;
        long doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
        long mp = (5 * doy + 2) / 153;
        long month = mp < 10 ? mp + 3 : mp - 9;
        long year = yoe + era * 400 + (month <= 2 ? 1 : 0);
        return month == 12 ? daysFromCivil(year + 1, 1, 1) : daysFromCivil(year, month + 1, 1);
    }

    /** Day of month, 1..31. */
    public static int dayOfMonth(long epochDay) {
        long z = epochDay + 719_468;
        long era = Math.floorDiv(z, 146_097);
        long doe = z - era * 146_097;
        long yoe = (doe - doe / 1_460 + doe / 36_524 - doe / 146_096) / 365;
        long doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
        long mp = (5 * doy + 2) / 153;
        return (int) (doy - (153 * mp + 2) / 5 + 1);
    }

    /** Epoch day of a civil date (Hinnant's {@code days_from_civil}). */
    public static long daysFromCivil(long year, long month, long day) {
        long y = month <= 2 ? year - 1 : year;
        long era = Math.floorDiv(y, 400);
        long yoe = y - era * 400;
        long mp = month > 2 ? month - 3 : month + 9;
        long doy = (153 * mp + 2) / 5 + day - 1;
        long doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
        return era * 146_097 + doe - 719_468;
    }

    /** Convenience for callers off the hot path. */
    public static LocalDate toLocalDate(long epochDay) {
        return LocalDate.ofEpochDay(epochDay);
    }
}
