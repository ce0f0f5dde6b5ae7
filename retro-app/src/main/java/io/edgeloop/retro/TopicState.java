package io.edgeloop.retro;

import io.edgeloop.core.candle.SessionCalendar;
import io.edgeloop.core.candle.Timeframe;
import io.edgeloop.core.retro.DailyBook;
import io.edgeloop.core.rules.PatternDefinition;
import io.edgeloop.schemas.avro.Candle;
import io.edgeloop.schemas.avro.ModelChange;
import io.edgeloop.schemas.avro.ScoreSnapshot;
import io.edgeloop.schemas.avro.TickerReference;
import io.edgeloop.schemas.mapping.PatternMapping;
import io.edgeloop.schemas.topics.Topics;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;
import java.util.TreeMap;

/**
 * What the service has read from its topics: daily bars and trails ({@link DailyBook}), the
 * pattern library, the sectors, and the ids already in the changelog. A record that cannot be
 * decoded or used is logged with its coordinates and skipped (the streams app owns the
 * dead-letter topic; the retrospective only reads).
 */
final class TopicState {

    private static final Logger LOG = LoggerFactory.getLogger(TopicState.class);

    private final DailyBook book;
    private final Map<String, PatternDefinition> library = new TreeMap<>();
    private final Map<String, String> sectors = new HashMap<>();
    private final Set<String> changeIds = new HashSet<>();
    private long skipped;

    TopicState(int keepDays) {
        this.book = new DailyBook(keepDays);
    }

    /** Applies one record; returns its event time when it advances stream time (candles, scores). */
    OptionalLong apply(ConsumerRecord<byte[], byte[]> r) {
        String topic = r.topic();
        try {
            if (topic.equals(Topics.CANDLES.name())) {
                return candle(Topics.CANDLES.valueSerde().deserializer().deserialize(topic, r.value()));
            }
            if (topic.equals(Topics.SCORES.name())) {
                return score(Topics.SCORES.valueSerde().deserializer().deserialize(topic, r.value()));
            }
            String key = r.key() == null ? null : Topics.PATTERN_LIBRARY.keySerde().deserializer().deserialize(topic, r.key());
            if (topic.equals(Topics.PATTERN_LIBRARY.name())) {
                io.edgeloop.schemas.avro.PatternDefinition p =
                        Topics.PATTERN_LIBRARY.valueSerde().deserializer().deserialize(topic, r.value());
                if (p == null) {
                    library.remove(key);
                } else {
                    library.put(p.getId(), PatternMapping.toDomain(p));
                }
            } else if (topic.equals(Topics.REFERENCE_TICKERS.name())) {
                TickerReference ref = Topics.REFERENCE_TICKERS.valueSerde().deserializer().deserialize(topic, r.value());
                if (ref != null && ref.getSector() != null) {
                    sectors.put(ref.getTicker(), ref.getSector());
                }
            } else if (topic.equals(Topics.MODEL_CHANGELOG.name())) {
                ModelChange change = Topics.MODEL_CHANGELOG.valueSerde().deserializer().deserialize(topic, r.value());
                changeIds.add(change == null ? key : change.getId());
            }
        } catch (RuntimeException e) {
            skipped++;
            LOG.warn("skipping record {}-{}@{}: {}", topic, r.partition(), r.offset(), e.getMessage(), e);
        }
        return OptionalLong.empty();
    }

    private OptionalLong candle(Candle c) {
        Timeframe interval = Timeframe.parse(c.getInterval()).orElseThrow(() ->
                new IllegalArgumentException("unknown interval '" + c.getInterval() + "' of " + c.getTicker()));
        long time = c.getOpenTime().toEpochMilli();
        book.addCandle(new io.edgeloop.core.candle.Candle(c.getTicker(), interval, time, c.getOpen(), c.getHigh(),
                c.getLow(), c.getClose(), c.getVolume(), c.getSource()));
        return OptionalLong.of(time);
    }

    private OptionalLong score(ScoreSnapshot s) {
        long time = s.getBarTime().toEpochMilli();
        SessionCalendar calendar = SessionCalendar.forTicker(s.getTicker());
        boolean intraday = Timeframe.parse(s.getInterval()).map(Timeframe::intraday).orElse(false);
        long day = intraday ? calendar.sessionDay(time) : calendar.tradeDate(time);
        book.addSnapshot(s.getTicker(), LocalDate.ofEpochDay(day), ScoreSnapshots.toSnapshot(s));
        return OptionalLong.of(time);
    }

    DailyBook book() {
        return book;
    }

    /** The library's patterns by id, empty before the keeper published any. */
    List<PatternDefinition> library() {
        return new ArrayList<>(library.values());
    }

    /** Sector of a ticker from the reference data, null when unknown. */
    String sectorOf(String ticker) {
        return sectors.get(ticker);
    }

    /** True when the changelog already holds this change id (proposed earlier, or decided). */
    boolean known(String changeId) {
        return changeIds.contains(changeId);
    }

    void remember(String changeId) {
        changeIds.add(changeId);
    }

    long skipped() {
        return skipped;
    }
}
