package io.edgeloop.stack.loop;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;

import org.apache.kafka.clients.consumer.ConsumerRecord;

import io.edgeloop.core.stats.Interval;
import io.edgeloop.schemas.avro.MarketSignal;
import io.edgeloop.schemas.avro.ModelChange;
import io.edgeloop.schemas.avro.Outcome;
import io.edgeloop.schemas.avro.OutcomeStatus;
import io.edgeloop.schemas.avro.PatternDefinition;
import io.edgeloop.schemas.avro.Prediction;
import io.edgeloop.schemas.avro.ChangeStatus;
import io.edgeloop.schemas.topics.Topic;
import io.edgeloop.schemas.topics.Topics;

/**
 * The short summary {@code edgeloop demo} prints once the loop is done, read from the topics:
 * tickers, predictions, outcomes, hit rate by trigger (Wilson interval, as in {@link ReplaySummary}),
 * the patterns with the best posterior mean (with their credible interval and n, as the keeper
 * publishes them), the proposals waiting for an operator, and the latest market regime.
 */
public final class DemoSummary {

    /** Patterns listed. */
    static final int TOP_PATTERNS = 5;
    /** Fewest resolved matches for a pattern to be listed among the top ones. */
    static final int MIN_PATTERN_N = 5;
    /** Proposals listed by id (the rest are counted). */
    static final int PROPOSALS_LISTED = 5;
    private static final String MARKET_KEY = "MARKET:ALL";

    private DemoSummary() {
    }

    /** The summary lines, without a prefix. */
    public static List<String> lines(Function<String, List<ConsumerRecord<byte[], byte[]>>> topics) {
        List<String> out = new ArrayList<>();
        Set<String> tickers = new HashSet<>();
        long scores = 0;
        for (ConsumerRecord<byte[], byte[]> r : topics.apply(Topics.SCORES.name())) {
            tickers.add(new String(r.key(), StandardCharsets.UTF_8));
            scores++;
        }
        out.add(String.format(Locale.ROOT, "tickers: %d scored, %,d score snapshots", tickers.size(), scores));

        Map<String, String> triggerOf = new HashMap<>();
        Map<String, Long> byTrigger = new TreeMap<>();
        for (Prediction p : values(topics, Topics.PREDICTIONS)) {
            triggerOf.put(p.getId(), p.getTrigger().name());
            byTrigger.merge(p.getTrigger().name(), 1L, Long::sum);
        }
        out.add(String.format(Locale.ROOT, "predictions: %,d %s", triggerOf.size(), byTrigger));

        Map<String, ReplaySummary.HitRate> rates = new TreeMap<>();
        Map<String, Long> byStatus = new TreeMap<>();
        ReplaySummary.HitRate overall = new ReplaySummary.HitRate(0, 0);
        for (Outcome o : values(topics, Topics.OUTCOMES)) {
            byStatus.merge(o.getStatus().name(), 1L, Long::sum);
            if (o.getStatus() == OutcomeStatus.RESOLVED && o.getHit() != null) {
                boolean hit = o.getHit();
                overall = overall.plus(hit);
                rates.merge(triggerOf.getOrDefault(o.getPredictionId(), "UNKNOWN"), new ReplaySummary.HitRate(hit ? 1 : 0, 1),
                        (a, b) -> a.plus(hit));
            }
        }
        out.add(String.format(Locale.ROOT, "outcomes: %,d %s", byStatus.values().stream().mapToLong(Long::longValue).sum(),
                byStatus));
        out.add("hit rate: " + rate(overall) + " overall (95% Wilson interval)");
        rates.forEach((trigger, rate) -> out.add(String.format(Locale.ROOT, "  %-16s %s", trigger, rate(rate))));

        Map<String, PatternDefinition> library = latest(topics, Topics.PATTERN_LIBRARY, PatternDefinition::getId);
        List<PatternDefinition> top = library.values().stream()
                .filter(p -> p.getStats() != null && p.getStats().getN() >= MIN_PATTERN_N)
                .sorted(Comparator.comparingDouble((PatternDefinition p) -> -p.getStats().getPosteriorMean())
                        .thenComparing(PatternDefinition::getId))
                .limit(TOP_PATTERNS).toList();
        out.add(String.format(Locale.ROOT, "patterns: %d in the library; best posterior hit rate (n >= %d):", library.size(),
                MIN_PATTERN_N));
        if (top.isEmpty()) {
            out.add("  none has enough resolved matches yet");
        }
        for (PatternDefinition p : top) {
            var s = p.getStats();
            out.add(String.format(Locale.ROOT, "  %-28s %-8s %-4s %5.1f%% [%.1f, %.1f] n=%d", p.getId(), p.getStatus(),
                    p.getDirection(), s.getPosteriorMean() * 100, s.getLower() * 100, s.getUpper() * 100, s.getN()));
        }

        Map<String, ModelChange> changes = latest(topics, Topics.MODEL_CHANGELOG, ModelChange::getId);
        List<ModelChange> pending = changes.values().stream().filter(c -> c.getStatus() == ChangeStatus.PROPOSED)
                .sorted(Comparator.comparing(ModelChange::getId)).toList();
        long auto = changes.values().stream().filter(c -> c.getStatus() == ChangeStatus.AUTO_APPLIED).count();
        out.add(String.format(Locale.ROOT, "proposals: %d pending an operator's decision, %d auto-applied (degrades)",
                pending.size(), auto));
        pending.stream().limit(PROPOSALS_LISTED).forEach(c -> out.add(String.format(Locale.ROOT, "  %s %s: %s",
                c.getKind(), c.getId(), c.getSummary())));

        MarketSignal market = null;
        var decoder = Topics.SIGNALS.valueSerde().deserializer();
        for (ConsumerRecord<byte[], byte[]> r : topics.apply(Topics.SIGNALS.name())) {
            if (r.value() != null && MARKET_KEY.equals(new String(r.key(), StandardCharsets.UTF_8))) {
                MarketSignal s = decoder.deserialize(r.topic(), r.value());
                if (market == null || !s.getTime().isBefore(market.getTime())) {
                    market = s;
                }
            }
        }
        out.add(market == null ? "market regime: no market signal yet"
                : String.format(Locale.ROOT, "market regime: %s at %s (%s, bullish breadth %s, %d bullish / %d bearish / %d neutral)",
                        market.getRegime(), market.getTime(), market.getLabel(),
                        market.getBreadthPct() == null ? "n/a" : String.format(Locale.ROOT, "%.0f%%", market.getBreadthPct()),
                        market.getBullish(), market.getBearish(), market.getNeutral()));
        return out;
    }

    private static String rate(ReplaySummary.HitRate r) {
        if (r.n() == 0) {
            return "n/a (no resolved outcome)";
        }
        Interval i = r.interval();
        return String.format(Locale.ROOT, "%5.1f%% [%.1f, %.1f] of %d", r.rate() * 100, i.lower() * 100, i.upper() * 100, r.n());
    }

    private static <V> List<V> values(Function<String, List<ConsumerRecord<byte[], byte[]>>> topics, Topic<String, V> topic) {
        var decoder = topic.valueSerde().deserializer();
        List<V> out = new ArrayList<>();
        for (ConsumerRecord<byte[], byte[]> r : topics.apply(topic.name())) {
            if (r.value() != null) {
                out.add(decoder.deserialize(topic.name(), r.value()));
            }
        }
        return out;
    }

    /** The latest value per key of a compacted topic (a tombstone removes it). */
    private static <V> Map<String, V> latest(Function<String, List<ConsumerRecord<byte[], byte[]>>> topics,
                                             Topic<String, V> topic, Function<V, String> id) {
        var decoder = topic.valueSerde().deserializer();
        Map<String, V> out = new LinkedHashMap<>();
        for (ConsumerRecord<byte[], byte[]> r : topics.apply(topic.name())) {
            String key = new String(r.key(), StandardCharsets.UTF_8);
            if (r.value() == null) {
                out.remove(key);
            } else {
                V v = decoder.deserialize(topic.name(), r.value());
                out.put(id.apply(v), v);
            }
        }
        return out;
    }
}
