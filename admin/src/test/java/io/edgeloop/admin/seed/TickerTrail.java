package io.edgeloop.admin.seed;

import io.edgeloop.core.candle.Candle;
import io.edgeloop.core.indicators.TimeframeBundle;

import java.util.ArrayList;
import java.util.List;

/**
 * One ticker's daily trail for the admin's tests, from real candles and core's Pine-exact
 * indicators (EMA21, EMA48, ATR14, RSI14). The scores are stand-ins, not the model's (core's
 * engine is not in main yet; the dashboard only draws what the topics hold):
 * <pre>
 *   htf = clamp(50 (EMA21 - EMA48) / (2 ATR14), -50, 50)   its sign flips at each EMA21/EMA48 cross
 *   ltf = clamp(50 (close - EMA21) / (2 ATR14), -50, 50)
 * </pre>
 * state from the signs as the model defines it; a prediction at every flip of the HTF sign
 * (STATE_FLIP_BULL / STATE_FLIP_BEAR), entry = the real close; stage stand-in: ENTER at a bull
 * flip then HOLD, EXIT at a bear flip then WATCH.
 */
public final class TickerTrail {

    /** One warmed-up bar. */
    public record Bar(Candle candle, double ema21, double ema48, double atr14, double rsi14, double htf, double ltf,
                      String state, String prevState, String stage, String prevStage, double htfChange, double ltfChange) {
    }

    /** A flip of the HTF sign at a bar. */
    public record Flip(Bar bar, boolean bull) {
    }

    private final String ticker;
    private final List<Bar> bars = new ArrayList<>();
    private final List<Flip> flips = new ArrayList<>();

    private TickerTrail(String ticker) {
        this.ticker = ticker;
    }

    public static TickerTrail of(String ticker, List<Candle> daily) {
        TickerTrail trail = new TickerTrail(ticker);
        TimeframeBundle indicators = new TimeframeBundle();
        String stage = "WATCH";
        for (Candle c : daily) {
            indicators.update(c.open(), c.high(), c.low(), c.close(), c.volume());
            double e21 = indicators.ema21();
            double e48 = indicators.ema48();
            double a = indicators.atr14();
            double r = indicators.rsi14();
            if (Double.isNaN(e48) || Double.isNaN(a) || Double.isNaN(r) || a <= 0) {
                continue;
            }
            double htf = clamp(50 * (e21 - e48) / (2 * a));
            double ltf = clamp(50 * (c.close() - e21) / (2 * a));
            String state = (htf >= 0 ? "HTF_BULL_" : "HTF_BEAR_") + ((htf >= 0) == (ltf >= 0) ? (htf >= 0 ? "LTF_BULL" : "LTF_BEAR") : "LTF_PULLBACK");
            Bar previous = trail.bars.isEmpty() ? null : trail.bars.get(trail.bars.size() - 1);
            Bar fiveAgo = trail.bars.size() >= 5 ? trail.bars.get(trail.bars.size() - 5) : null;
            boolean flip = previous != null && (previous.htf >= 0) != (htf >= 0);
            String prevStage = stage;
            if (flip) {
                stage = htf >= 0 ? "ENTER" : "EXIT";
            } else if (stage.equals("ENTER")) {
                stage = "HOLD";
            } else if (stage.equals("EXIT")) {
                stage = "WATCH";
            }
            Bar bar = new Bar(c, e21, e48, a, r, htf, ltf, state, previous == null ? null : previous.state, stage,
                    previous == null ? null : prevStage, fiveAgo == null ? 0 : htf - fiveAgo.htf,
                    fiveAgo == null ? 0 : ltf - fiveAgo.ltf);
            trail.bars.add(bar);
            if (flip) {
                trail.flips.add(new Flip(bar, htf >= 0));
            }
        }
        return trail;
    }

    private static double clamp(double x) {
        return Math.max(-50, Math.min(50, x));
    }

    public String ticker() {
        return ticker;
    }

    public List<Bar> bars() {
        return bars;
    }

    public List<Flip> flips() {
        return flips;
    }
}
