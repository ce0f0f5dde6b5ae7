package io.edgeloop.core.outcome;

import io.edgeloop.core.rules.Direction;
import io.edgeloop.core.candle.Candle;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.Objects;
import java.util.Optional;

/**
 * The incremental outcome of one prediction, for the streaming resolver: feed it the ticker's
 * daily candles one at a time (and the trades you see), ask {@link #tryResolve(long)} with the
 * current stream time. It keeps O(1) state (no candle list) that {@link #toBytes()} writes in
 * about a hundred bytes.
 *
 * <p>Which bars count is decided by {@link TradingDates} (strictly after the prediction's
 * trading date, one per date, first wins). When {@code horizonDays} bars are in, the outcome
 * is due. When stream time reaches {@link #expiryTime()} first, the prediction expires: it
 * never waits forever for a ticker that stopped trading. Figures are defined on {@link Outcome}.
 *
 * <p>Not thread-safe; one instance per prediction, owned by one stream task.
 */
public final class PendingOutcome {

    private static final byte FORMAT = 1;

    private final PredictionTerms terms;
    private final OutcomeConfig config;
    private final long predictionDay;
    private final long expiryTime;
    private int barsObserved;
    private long lastDay;
    private long lastBarTime;
    private double lastClose;
    private double maxHigh = Double.NEGATIVE_INFINITY;
    private int maxHighBar;
    private double minLow = Double.POSITIVE_INFINITY;
    private int minLowBar;
    private boolean traded;

    private PendingOutcome(PredictionTerms terms, OutcomeConfig config, long predictionDay, long expiryTime) {
        this.terms = terms;
        this.config = config;
        this.predictionDay = predictionDay;
        this.expiryTime = expiryTime;
        this.lastDay = predictionDay;
    }

    /** Starts waiting for the outcome of a prediction. */
    public static PendingOutcome open(PredictionTerms terms, OutcomeConfig config) {
        Objects.requireNonNull(terms, "terms");
        Objects.requireNonNull(config, "config");
        LocalDate date = TradingDates.predictionDate(terms.ticker(), terms.time(), config.exchangeZone());
        long expiry = TradingDates.expiryTime(date, terms.horizonDays(), config.graceTradingDays());
        return new PendingOutcome(terms, config, date.toEpochDay(), expiry);
    }

    public PredictionTerms terms() {
        return terms;
    }

    /** The prediction's trading date; only bars of later dates count. */
    public LocalDate predictionDate() {
        return LocalDate.ofEpochDay(predictionDay);
    }

    /** Stream time (epoch ms) from which this prediction expires if it is not due. */
    public long expiryTime() {
        return expiryTime;
    }

    public int barsObserved() {
        return barsObserved;
    }

    /** True when all horizon bars have arrived. */
    public boolean isDue() {
        return barsObserved >= terms.horizonDays();
    }

    /** True when not due and stream time has reached the expiry time. */
    public boolean isExpired(long streamTime) {
        return !isDue() && streamTime >= expiryTime;
    }

    public boolean traded() {
        return traded;
    }

    /**
     * Offers the ticker's next daily candle. Fails on another ticker's candle, a non-daily
     * candle or impossible prices; otherwise says whether the bar was counted.
     */
    public BarVerdict onDailyCandle(Candle candle) {
        Objects.requireNonNull(candle, "candle");
        if (!terms.ticker().equals(candle.ticker())) {
            throw new IllegalArgumentException("prediction " + terms.predictionId() + " is on " + terms.ticker()
                    + ", got a candle of " + candle.ticker());
        }
        long day = TradingDates.candleDate(candle).toEpochDay();
        requireSanePrices(candle);
        if (day <= predictionDay) {
            return BarVerdict.NOT_AFTER_PREDICTION;
        }
        if (isDue()) {
            return BarVerdict.AFTER_HORIZON;
        }
        if (day <= lastDay) {
            return BarVerdict.DUPLICATE_OR_LATE;
        }
        barsObserved++;
        lastDay = day;
        lastBarTime = candle.openTime();
        lastClose = candle.close();
        if (candle.high() > maxHigh) {
            maxHigh = candle.high();
            maxHighBar = barsObserved;
        }
        if (candle.low() < minLow) {
            minLow = candle.low();
            minLowBar = barsObserved;
        }
        return BarVerdict.ACCEPTED;
    }

    /**
     * Offers a trade (the caller offers position openings only). It counts when it names this
     * prediction, whatever its side; or when it names none, is on the same ticker, bets on the
     * prediction's direction (LONG for UP, SHORT for DOWN) and entered within
     * [time - tradeWindowBefore, time + tradeWindowAfter] (bounds included). A NEUTRAL
     * prediction calls for no position, so no unlinked trade acts on it (only one that names it).
     * A trade that names another prediction never counts: it was that prediction's trade (the
     * original counted it for every prediction in the window).
     *
     * @return true when the trade counted (now or before)
     */
    public boolean onTrade(TradeRef trade) {
        Objects.requireNonNull(trade, "trade");
        if (trade.linked()) {
            traded |= trade.predictionId().equals(terms.predictionId());
        } else if (trade.ticker().equals(terms.ticker()) && trade.side().direction() == terms.direction()) {
            long from = terms.time() - config.tradeWindowBefore().toMillis();
            long to = terms.time() + config.tradeWindowAfter().toMillis();
            traded |= trade.entryTime() >= from && trade.entryTime() <= to;
        }
        return traded;
    }

    /**
     * The outcome if it is known at this stream time: RESOLVED when due, EXPIRED when stream
     * time reached the expiry time first, else empty.
     */
    public Optional<Outcome> tryResolve(long streamTime) {
        if (isDue()) {
            return Optional.of(resolve());
        }
        if (streamTime >= expiryTime) {
            return Optional.of(build(OutcomeStatus.EXPIRED, expiryReason(), expiryTime));
        }
        return Optional.empty();
    }

    /**
     * The EXPIRED outcome, now, for a reason other than the ticker going quiet (e.g. the daily
     * bars after the prediction are no longer known, so its horizon cannot be measured).
     */
    public Outcome expire(String reason, long resolvedAt) {
        Objects.requireNonNull(reason, "reason");
        return build(OutcomeStatus.EXPIRED, reason, resolvedAt);
    }

    /** The RESOLVED outcome. Fails when not {@link #isDue() due}. */
    public Outcome resolve() {
        if (!isDue()) {
            throw new IllegalStateException("prediction " + terms.predictionId() + " is not due: "
                    + barsObserved + " of " + terms.horizonDays() + " daily bars");
        }
        return build(OutcomeStatus.RESOLVED, "", lastBarTime);
    }

    private String expiryReason() {
        String last = barsObserved == 0 ? "none" : LocalDate.ofEpochDay(lastDay).toString();
        return "ticker stopped trading: " + barsObserved + " of " + terms.horizonDays()
                + " daily bars after " + predictionDate() + " (last bar " + last + ") within horizon + "
                + config.graceTradingDays() + " trading days of grace";
    }

    private Outcome build(OutcomeStatus status, String reason, long resolvedAt) {
        double entry = terms.entryPrice();
        Direction direction = terms.direction();
        double exit = barsObserved == 0 ? entry : lastClose;
        double high = barsObserved == 0 ? entry : maxHigh;
        double low = barsObserved == 0 ? entry : minLow;
        double raw = (exit - entry) / entry * 100.0;
        double ret;
        double mfe;
        double mae;
        int peakBar;
        if (direction == Direction.DOWN) {
            ret = -raw;
            mfe = Math.max(0.0, (entry - low) / entry * 100.0);
            mae = Math.min(0.0, (entry - high) / entry * 100.0);
            peakBar = minLowBar;
        } else {
            ret = raw;
            mfe = Math.max(0.0, (high - entry) / entry * 100.0);
            mae = Math.min(0.0, (low - entry) / entry * 100.0);
            peakBar = maxHighBar;
        }
        int timeToPeak = mfe > 0.0 ? peakBar : 0;
        boolean hit = status == OutcomeStatus.RESOLVED && (direction == Direction.NEUTRAL
                ? Math.abs(raw) < config.neutralBandPct() - Direction.ROUNDING_PCT
                : direction.hit(raw, config.hitThresholdPct()));
        Action action = traded ? Action.TRADED
                : hit && direction != Direction.NEUTRAL ? Action.MISSED_OPPORTUNITY : Action.SKIPPED;
        return new Outcome(terms.predictionId(), terms.ticker(), terms.time(), direction, status, reason,
                terms.horizonDays(), barsObserved, entry, exit, ret, mfe, mae, timeToPeak, hit,
                config.magnitudeOf(ret), action, resolvedAt);
    }

    private void requireSanePrices(Candle c) {
        boolean finite = Double.isFinite(c.high()) && Double.isFinite(c.low()) && Double.isFinite(c.close());
        if (!finite || c.low() <= 0 || c.high() < c.low() || c.close() > c.high() || c.close() < c.low()) {
            throw new IllegalArgumentException("impossible daily candle of " + c.ticker() + " at " + c.openTime()
                    + ": high " + c.high() + ", low " + c.low() + ", close " + c.close());
        }
    }

    /** The state as bytes (format 1): the terms, the prediction date, the expiry time and the running figures. */
    public byte[] toBytes() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(128);
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeByte(FORMAT);
            out.writeUTF(terms.predictionId());
            out.writeUTF(terms.ticker());
            out.writeLong(terms.time());
            out.writeUTF(terms.direction().name());
            out.writeDouble(terms.entryPrice());
            out.writeInt(terms.horizonDays());
            out.writeLong(predictionDay);
            out.writeLong(expiryTime);
            out.writeInt(barsObserved);
            out.writeLong(lastDay);
            out.writeLong(lastBarTime);
            out.writeDouble(lastClose);
            out.writeDouble(maxHigh);
            out.writeInt(maxHighBar);
            out.writeDouble(minLow);
            out.writeInt(minLowBar);
            out.writeBoolean(traded);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write pending outcome " + terms.predictionId(), e);
        }
        return bytes.toByteArray();
    }

    /**
     * Restores a state written by {@link #toBytes()}. The prediction date and expiry time are
     * the ones computed when the prediction was opened, unless today's rule
     * ({@link TradingDates#predictionDate}) puts the prediction on a later date (a state written
     * before the rule took the session calendar's trade date): then the later date and its expiry,
     * so no bar on or before it counts; thresholds come from {@code config}.
     */
    public static PendingOutcome fromBytes(byte[] data, OutcomeConfig config) {
        Objects.requireNonNull(data, "data");
        Objects.requireNonNull(config, "config");
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(data))) {
            byte format = in.readByte();
            if (format != FORMAT) {
                throw new IllegalArgumentException("unknown pending outcome format " + format + ", expected " + FORMAT);
            }
            PredictionTerms terms = new PredictionTerms(in.readUTF(), in.readUTF(), in.readLong(),
                    Direction.valueOf(in.readUTF()), in.readDouble(), in.readInt());
            long storedDay = in.readLong();
            long storedExpiry = in.readLong();
            PendingOutcome today = open(terms, config);
            PendingOutcome p = today.predictionDay > storedDay ? today
                    : new PendingOutcome(terms, config, storedDay, storedExpiry);
            p.barsObserved = in.readInt();
            p.lastDay = Math.max(in.readLong(), p.predictionDay);
            p.lastBarTime = in.readLong();
            p.lastClose = in.readDouble();
            p.maxHigh = in.readDouble();
            p.maxHighBar = in.readInt();
            p.minLow = in.readDouble();
            p.minLowBar = in.readInt();
            p.traded = in.readBoolean();
            if (in.available() > 0) {
                throw new IllegalArgumentException("pending outcome " + terms.predictionId() + " has "
                        + in.available() + " trailing bytes");
            }
            return p;
        } catch (IOException e) {
            throw new IllegalArgumentException("truncated or corrupt pending outcome state (" + data.length + " bytes)", e);
        }
    }
}
