package io.edgeloop.admin.view;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.edgeloop.schemas.avro.MarketSignal;
import io.edgeloop.schemas.avro.SignalLevel;
import io.edgeloop.schemas.json.AvroJson;

import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/** The latest signals from the compacted {@code signals} topic: the market, sectors and tickers. */
public final class SignalViews {

    private SignalViews() {
    }

    /** The market signal (key {@code MARKET:ALL}, or any market-level one), or null when none arrived. */
    public static ObjectNode market(ModelState state) {
        return state.read(s -> s.signals().values().stream()
                .filter(m -> m.getLevel() == SignalLevel.MARKET)
                .max(Comparator.comparing(MarketSignal::getTime))
                .map(AvroJson::toJson).orElse(null));
    }

    /**
     * Signals of one level whose key contains {@code search} (case-insensitive), strongest |net|
     * first, at most {@code limit}.
     */
    public static List<ObjectNode> list(ModelState state, SignalLevel level, String search, int limit) {
        String needle = search == null ? "" : search.strip().toUpperCase(Locale.ROOT);
        return state.read(s -> s.signals().values().stream()
                .filter(m -> m.getLevel() == level)
                .filter(m -> needle.isEmpty() || m.getKey().toUpperCase(Locale.ROOT).contains(needle))
                .sorted(Comparator.comparingDouble((MarketSignal m) -> -Math.abs(m.getNet())).thenComparing(MarketSignal::getKey))
                .limit(limit)
                .map(AvroJson::toJson).toList());
    }

    /** How many signals of a level there are. */
    public static int count(ModelState state, SignalLevel level) {
        return state.read(s -> (int) s.signals().values().stream().filter(m -> m.getLevel() == level).count());
    }
}
