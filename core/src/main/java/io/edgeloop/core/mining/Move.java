package io.edgeloop.core.mining;

import java.time.LocalDate;
import java.util.Objects;

/**
 * One significant move: from the close of its start day to the highest high (UP) or lowest low
 * (DOWN) of the following {@code windowDays} trading days.
 *
 * <p>{@code magnitudePct = (peakPrice - startClose) / startClose x 100}, so it is positive for
 * UP and negative for DOWN (as in the original study's {@code moves.json}); {@link #sizePct()}
 * is its absolute value.
 *
 * @param ticker       normalised symbol
 * @param sector       sector name, {@link #UNKNOWN_SECTOR} when the ticker has none
 * @param direction    UP or DOWN
 * @param windowDays   forward window in trading days (3, 5, 10, 20 by default)
 * @param startDate    exchange date of the start bar, whose close is the reference price
 * @param peakDate     exchange date of the first bar in the window that reached the peak
 * @param magnitudePct signed close-to-peak change in percent
 * @param startClose   close of the start bar
 * @param peakPrice    highest high (UP) or lowest low (DOWN) in the window
 */
public record Move(String ticker, String sector, MoveDirection direction, int windowDays, LocalDate startDate,
                   LocalDate peakDate, double magnitudePct, double startClose, double peakPrice) {

    /** Sector of a ticker that the sector map does not know. */
    public static final String UNKNOWN_SECTOR = "Unknown";

    public Move {
        Objects.requireNonNull(ticker, "ticker");
        Objects.requireNonNull(sector, "sector");
        Objects.requireNonNull(direction, "direction");
        Objects.requireNonNull(startDate, "startDate");
        Objects.requireNonNull(peakDate, "peakDate");
        if (peakDate.isBefore(startDate)) {
            throw new IllegalArgumentException("peak " + peakDate + " before start " + startDate + " for " + ticker);
        }
    }

    /** Absolute size of the move in percent. */
    public double sizePct() {
        return Math.abs(magnitudePct);
    }
}
