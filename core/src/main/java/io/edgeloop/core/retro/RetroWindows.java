package io.edgeloop.core.retro;

import java.time.LocalDate;
import java.util.Objects;

/**
 * The retrospective's two windows in data time, as inclusive exchange dates:
 * recent = {@code [asOf - recentDays + 1, asOf]}, prior = {@code [asOf - lookbackDays + 1,
 * asOf - recentDays]}. With the defaults (90, 30) and as-of 2020-03-31: recent 2020-03-02 ..
 * 2020-03-31, prior 2020-01-02 .. 2020-03-01.
 *
 * @param asOf        the last date of data the retrospective may use
 * @param priorFrom   first date of the prior window
 * @param recentFrom  first date of the recent window (the prior window ends the day before)
 */
public record RetroWindows(LocalDate asOf, LocalDate priorFrom, LocalDate recentFrom) {

    /** Which window a date falls in. */
    public enum Window { PRIOR, RECENT, OUTSIDE }

    public RetroWindows {
        Objects.requireNonNull(asOf, "asOf");
        Objects.requireNonNull(priorFrom, "priorFrom");
        Objects.requireNonNull(recentFrom, "recentFrom");
        if (!priorFrom.isBefore(recentFrom) || recentFrom.isAfter(asOf)) {
            throw new IllegalArgumentException("need priorFrom < recentFrom <= asOf, got " + priorFrom + ", "
                    + recentFrom + ", " + asOf);
        }
    }

    /** The windows of a configuration as of a date. */
    public static RetroWindows of(LocalDate asOf, RetroConfig config) {
        return new RetroWindows(asOf, asOf.minusDays(config.lookbackDays() - 1L),
                asOf.minusDays(config.recentDays() - 1L));
    }

    /** Last date of the prior window. */
    public LocalDate priorTo() {
        return recentFrom.minusDays(1);
    }

    /** The window a date belongs to. */
    public Window of(LocalDate date) {
        if (date.isBefore(priorFrom) || date.isAfter(asOf)) {
            return Window.OUTSIDE;
        }
        return date.isBefore(recentFrom) ? Window.PRIOR : Window.RECENT;
    }

    /** True when the date is in either window. */
    public boolean contains(LocalDate date) {
        return of(date) != Window.OUTSIDE;
    }

    /** {@code prior 2020-01-02..2020-03-01, recent 2020-03-02..2020-03-31}. */
    public String describe() {
        return "prior " + priorFrom + ".." + priorTo() + ", recent " + recentFrom + ".." + asOf;
    }
}
