package io.edgeloop.core.candle;

/**
 * What kind of instrument a ticker is, inferred by {@link SectorMap#assetClass(String)}; it
 * chooses the {@link SessionCalendar}.
 */
public enum AssetClass {
    /** A listed stock. */
    EQUITY(SessionCalendar.US_EQUITY),
    /** An exchange-traded fund or trust (sector, index, commodity, crypto ETFs). */
    ETF(SessionCalendar.US_EQUITY),
    /** A crypto pair, traded 24/7. */
    CRYPTO(SessionCalendar.CRYPTO),
    /** A continuous futures series ({@code ES1!}); daily bars only in the shipped data. */
    FUTURE(SessionCalendar.US_EQUITY),
    /** A cash index or index CFD ({@code SPX}, {@code US500}); daily bars only in the shipped data. */
    INDEX(SessionCalendar.US_EQUITY);

    private final SessionCalendar calendar;

    AssetClass(SessionCalendar calendar) {
        this.calendar = calendar;
    }

    /** The calendar its bars are labelled and aggregated on. */
    public SessionCalendar calendar() {
        return calendar;
    }
}
