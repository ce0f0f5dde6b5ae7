package io.edgeloop.admin.seed;

import io.edgeloop.core.candle.SectorMap;
import io.edgeloop.schemas.avro.MarketRegime;
import io.edgeloop.schemas.avro.MarketSignal;
import io.edgeloop.schemas.avro.SignalLabel;
import io.edgeloop.schemas.avro.SignalLevel;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Signals of the seed's tickers at their last bar, following the MarketSignal schema's rules:
 * ticker net = the mean of the two stand-in scores / 50, BULLISH above 0.1, BEARISH below -0.1;
 * sectors (from the shared sectors.json) BULLISH or BEARISH above 60% of members, else MIXED;
 * the market regime from bullish breadth (&gt;70 STRONG_BULL, &gt;55 MILD_BULL, &lt;30
 * STRONG_BEAR, &lt;45 MILD_BEAR, else NEUTRAL; INSUFFICIENT_DATA below 10 tickers).
 */
public final class SeedSignals {

    /** Signals keyed as the topic keys them: TICKER:T, SECTOR:S, MARKET:ALL. */
    public final Map<String, MarketSignal> byKey = new TreeMap<>();

    SeedSignals(Map<String, TickerTrail> trails) {
        SectorMap sectors;
        try {
            sectors = SectorMap.read(RealCandles.dataDir().resolve("sectors.json"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Map<String, List<MarketSignal>> bySector = new TreeMap<>();
        List<MarketSignal> all = new ArrayList<>();
        Instant latest = Instant.EPOCH;
        for (TickerTrail trail : trails.values()) {
            TickerTrail.Bar last = trail.bars().get(trail.bars().size() - 1);
            double net = (last.htf() + last.ltf()) / 100;
            SignalLabel label = net > 0.1 ? SignalLabel.BULLISH : net < -0.1 ? SignalLabel.BEARISH : SignalLabel.NEUTRAL;
            Instant time = Instant.ofEpochMilli(last.candle().openTime());
            latest = time.isAfter(latest) ? time : latest;
            MarketSignal s = signal(SignalLevel.TICKER, trail.ticker(), time, net, label, null,
                    label == SignalLabel.BULLISH ? 1 : 0, label == SignalLabel.BEARISH ? 1 : 0,
                    label == SignalLabel.NEUTRAL ? 1 : 0, null);
            byKey.put("TICKER:" + trail.ticker(), s);
            bySector.computeIfAbsent(sectors.sector(trail.ticker()), k -> new ArrayList<>()).add(s);
            all.add(s);
        }
        for (Map.Entry<String, List<MarketSignal>> e : bySector.entrySet()) {
            int[] c = counts(e.getValue());
            int members = e.getValue().size();
            SignalLabel label = c[0] > 0.6 * members ? SignalLabel.BULLISH : c[1] > 0.6 * members ? SignalLabel.BEARISH : SignalLabel.MIXED;
            byKey.put("SECTOR:" + e.getKey(), signal(SignalLevel.SECTOR, e.getKey(), latest, (double) (c[0] - c[1]) / members,
                    label, null, c[0], c[1], c[2], 100.0 * c[0] / members));
        }
        int[] c = counts(all);
        double breadth = 100.0 * c[0] / all.size();
        MarketRegime regime = all.size() < 10 ? MarketRegime.INSUFFICIENT_DATA : breadth > 70 ? MarketRegime.STRONG_BULL
                : breadth > 55 ? MarketRegime.MILD_BULL : breadth < 30 ? MarketRegime.STRONG_BEAR
                : breadth < 45 ? MarketRegime.MILD_BEAR : MarketRegime.NEUTRAL;
        SignalLabel label = switch (regime) {
            case STRONG_BULL, MILD_BULL -> SignalLabel.BULLISH;
            case STRONG_BEAR, MILD_BEAR -> SignalLabel.BEARISH;
            default -> SignalLabel.NEUTRAL;
        };
        byKey.put("MARKET:ALL", signal(SignalLevel.MARKET, "ALL", latest, (double) (c[0] - c[1]) / all.size(), label, regime,
                c[0], c[1], c[2], breadth));
    }

    private static int[] counts(List<MarketSignal> signals) {
        int[] c = new int[3];
        for (MarketSignal s : signals) {
            c[s.getLabel() == SignalLabel.BULLISH ? 0 : s.getLabel() == SignalLabel.BEARISH ? 1 : 2]++;
        }
        return c;
    }

    private static MarketSignal signal(SignalLevel level, String key, Instant time, double net, SignalLabel label,
                                       MarketRegime regime, int bull, int bear, int neutral, Double breadth) {
        List<String> flags = new ArrayList<>();
        if (breadth != null && level == SignalLevel.MARKET && breadth > 80) {
            flags.add("BREADTH_EXTREME_HIGH");
        } else if (breadth != null && level == SignalLevel.MARKET && breadth < 20) {
            flags.add("BREADTH_EXTREME_LOW");
        }
        return MarketSignal.newBuilder().setLevel(level).setKey(key).setTime(time).setNet(net).setLabel(label)
                .setRegime(regime).setBullish(bull).setBearish(bear).setNeutral(neutral).setBreadthPct(breadth)
                .setRiskFlags(flags).build();
    }
}
