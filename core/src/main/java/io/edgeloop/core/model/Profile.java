package io.edgeloop.core.model;

import io.edgeloop.core.candle.Timeframe;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Which timeframes feed the LTF and HTF scores, chosen from the feed's base interval
 * (MODEL_REFERENCE "Timeframes"). Every snapshot is built from exactly one profile, which the
 * engine reports with it so a consumer knows what the scores mean.
 *
 * <table>
 *   <caption>profiles by base interval</caption>
 *   <tr><th>base</th><th>LTF (finest first)</th><th>HTF</th><th>primary</th></tr>
 *   <tr><td>5m</td><td>5m, 10m, 30m, 1h</td><td>4h, D, W</td><td>30m</td></tr>
 *   <tr><td>10m</td><td>10m, 30m, 1h</td><td>4h, D, W</td><td>30m</td></tr>
 *   <tr><td>15m</td><td>15m, 30m, 1h</td><td>4h, D, W</td><td>30m</td></tr>
 *   <tr><td>30m</td><td>30m, 1h</td><td>4h, D, W</td><td>30m</td></tr>
 *   <tr><td>1h</td><td>1h, 4h</td><td>D, W</td><td>1h</td></tr>
 *   <tr><td>4h (crypto)</td><td>4h</td><td>D, W</td><td>4h</td></tr>
 *   <tr><td>D</td><td>D</td><td>W, M</td><td>D</td></tr>
 * </table>
 *
 * <p>Intraday feeds (base &lt;= 1h): LTF = the base and the original's intraday frames 10m, 30m,
 * 1h that are coarser multiples of it; an hourly feed adds 4h to its LTF (it has no finer
 * frames), and finer feeds score 4h on the HTF side. The <em>primary</em> LTF frame is the one
 * with the largest default LTF blend weight: 30m when the profile has it, else the base. Phase,
 * RSI, volume ratio, ATR ratio, the position's SuperTrend stop and the rank's "recent cross" are
 * read on it.
 *
 * @param base    the feed's base interval
 * @param ltf     LTF frames, finest first; the first is the base
 * @param htf     HTF frames, finest first
 * @param primary the LTF frame whose single-frame values the snapshot reports
 */
public record Profile(Timeframe base, List<Timeframe> ltf, List<Timeframe> htf, Timeframe primary) {

    public Profile {
        Objects.requireNonNull(base, "base");
        ltf = List.copyOf(ltf);
        htf = List.copyOf(htf);
        Objects.requireNonNull(primary, "primary");
        if (ltf.isEmpty() || ltf.get(0) != base) {
            throw new IllegalArgumentException("the first LTF frame must be the base " + base.code() + ", got " + ltf);
        }
        if (htf.isEmpty()) {
            throw new IllegalArgumentException("a profile needs at least one HTF frame");
        }
        if (!ltf.contains(primary)) {
            throw new IllegalArgumentException("primary frame " + primary.code() + " is not an LTF frame of " + ltf);
        }
        for (Timeframe tf : htf) {
            if (ltf.contains(tf)) {
                throw new IllegalArgumentException(tf.code() + " cannot be both LTF and HTF");
            }
        }
    }

    /**
     * The profile of a feed with this base interval (see the class table).
     *
     * @throws IllegalArgumentException for W and M, which have no lower frames to score
     */
    public static Profile forBase(Timeframe base) {
        Objects.requireNonNull(base, "base");
        switch (base) {
            case D1:
                return new Profile(base, List.of(Timeframe.D1), List.of(Timeframe.W1, Timeframe.MN1), Timeframe.D1);
            case H4:
                return new Profile(base, List.of(Timeframe.H4), List.of(Timeframe.D1, Timeframe.W1), Timeframe.H4);
            case H1:
                return new Profile(base, List.of(Timeframe.H1, Timeframe.H4), List.of(Timeframe.D1, Timeframe.W1),
                        Timeframe.H1);
            case M5:
            case M10:
            case M15:
            case M30:
                List<Timeframe> ltf = new ArrayList<>();
                ltf.add(base);
                for (Timeframe tf : List.of(Timeframe.M10, Timeframe.M30, Timeframe.H1)) {
                    if (tf.compareTo(base) > 0 && tf.nominal().toMillis() % base.nominal().toMillis() == 0) {
                        ltf.add(tf);
                    }
                }
                return new Profile(base, ltf, List.of(Timeframe.H4, Timeframe.D1, Timeframe.W1), Timeframe.M30);
            default:
                throw new IllegalArgumentException("no scoring profile for a " + base.code()
                        + " feed: the base interval must be intraday or D");
        }
    }

    /** Every frame of the profile: LTF then HTF, finest first. */
    public List<Timeframe> frames() {
        List<Timeframe> all = new ArrayList<>(ltf);
        all.addAll(htf);
        return List.copyOf(all);
    }

    /** The frames built by aggregating base bars: every frame but the base. */
    public List<Timeframe> aggregated() {
        return frames().subList(1, ltf.size() + htf.size());
    }

    public boolean isLtf(Timeframe tf) {
        return ltf.contains(tf);
    }

    public boolean isHtf(Timeframe tf) {
        return htf.contains(tf);
    }

    /** True when the profile holds the frame on either side. */
    public boolean has(Timeframe tf) {
        return ltf.contains(tf) || htf.contains(tf);
    }

    /** A short description, e.g. {@code base=1h ltf=[1h,4h] htf=[D,W] primary=1h}. */
    public String describe() {
        return "base=" + base.code() + " ltf=" + codes(ltf) + " htf=" + codes(htf) + " primary=" + primary.code();
    }

    private static String codes(List<Timeframe> frames) {
        StringBuilder sb = new StringBuilder("[");
        for (int i = 0; i < frames.size(); i++) {
            sb.append(i == 0 ? "" : ",").append(frames.get(i).code());
        }
        return sb.append(']').toString();
    }
}
