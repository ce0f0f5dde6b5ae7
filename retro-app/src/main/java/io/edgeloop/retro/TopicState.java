package io.edgeloop.retro;

import io.edgeloop.core.candle.BarClose;
import io.edgeloop.core.candle.CandleValidator;
import io.edgeloop.core.candle.SessionCalendar;
import io.edgeloop.core.candle.Timeframe;
import io.edgeloop.core.retro.DailyBook;
import io.edgeloop.core.rules.PatternDefinition;
import io.edgeloop.core.rules.Problem;
import io.edgeloop.core.snapshot.Snapshot;
import io.edgeloop.schemas.avro.Candle;
import io.edgeloop.schemas.avro.ModelChange;
import io.edgeloop.schemas.avro.ScoreSnapshot;
import io.edgeloop.schemas.avro.TickerReference;
import io.edgeloop.schemas.mapping.CandleMapping;
import io.edgeloop.schemas.mapping.PatternMapping;
import io.edgeloop.schemas.topics.Topics;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Consumer;

/**
 * What the service has read from its topics: daily bars and trails ({@link DailyBook}), the
 * pattern library, the sectors, and the ids already in the changelog. A record that cannot be
 * decoded or used is logged with its coordinates and skipped (the streams app owns the
 * dead-letter topic; the retrospective only reads). A candle goes through the checks streams-app
 * applies before it dead-letters one ({@link CandleMapping}: key equals ticker, known interval,
 * core's {@link CandleValidator}), so an invalid candle (a zero or NaN price, a high below the low,
 * an epoch-0 or far-future open time) reaches neither the book nor the data clock.
 */
final class TopicState {

    private static final Logger LOG = LoggerFactory.getLogger(TopicState.class);

    private final DailyBook book;
    private final Map<String, PatternDefinition> library = new TreeMap<>();
    private final Map<String, String> sectors = new HashMap<>();
    private final Set<String> changeIds = new HashSet<>();
    /** Keys (or, without a key, coordinates) of changelog records whose latest value could not be decoded. */
    private final Set<String> unreadableChanges = new TreeSet<>();
    private final CandleValidator validator;
    private long skipped;
    private long invalidCandles;

    /** State whose candle validation reads "now" from the system clock, as streams-app's does. */
    TopicState(int keepDays) {
        this(keepDays, Clock.systemUTC());
    }

    /** @param clock "now" of the candle validation (a candle may not open more than 2 days after it) */
    TopicState(int keepDays, Clock clock) {
        this.book = new DailyBook(keepDays);
        this.validator = new CandleValidator(clock);
    }

    /**
     * A candle or a score read, decoded and converted, but not in the book yet.
     *
     * @param visibleAt when its bar closed ({@link BarClose}): the data time from which a
     *                  retrospective may see it
     * @param eventTime its bar's open time
     * @param filing    what {@link #apply} does with the book: adds the bar, or the snapshot
     * @param topic     the topic it was read from
     * @param partition its partition
     * @param offset    its offset
     */
    record Pending(long visibleAt, long eventTime, Consumer<DailyBook> filing, String topic, int partition,
                   long offset) {

        /** Where it was read: topic-partition@offset. */
        String source() {
            return topic + "-" + partition + "@" + offset;
        }
    }

    /**
     * Reads one record: a table record (library, reference data, changelog) is applied at once
     * and gives nothing; a candle or a score is decoded and converted once, and returned for
     * {@link #apply} when the data time allows. A record that cannot be decoded or used is logged
     * and skipped.
     */
    Optional<Pending> read(ConsumerRecord<byte[], byte[]> r) {
        String topic = r.topic();
        try {
            if (topic.equals(Topics.CANDLES.name())) {
                String key = r.key() == null ? null : Topics.CANDLES.keySerde().deserializer().deserialize(topic, r.key());
                Candle c = Topics.CANDLES.valueSerde().deserializer().deserialize(topic, r.value());
                io.edgeloop.core.candle.Candle bar = CandleMapping.toDomain(key, c, validator);
                return Optional.of(new Pending(BarClose.of(bar, SessionCalendar.forTicker(bar.ticker())), bar.openTime(),
                        book -> book.addCandle(bar), r.topic(), r.partition(), r.offset()));
            }
            if (topic.equals(Topics.SCORES.name())) {
                ScoreSnapshot s = Topics.SCORES.valueSerde().deserializer().deserialize(topic, r.value());
                Timeframe interval = interval(s.getInterval(), s.getTicker());
                SessionCalendar calendar = SessionCalendar.forTicker(s.getTicker());
                long open = s.getBarTime().toEpochMilli();
                LocalDate day = LocalDate.ofEpochDay(interval.intraday() ? calendar.sessionDay(open)
                        : calendar.tradeDate(open));
                Snapshot snapshot = ScoreSnapshots.toSnapshot(s);
                return Optional.of(new Pending(BarClose.of(open, interval, calendar), open,
                        book -> book.addSnapshot(s.getTicker(), day, snapshot), r.topic(), r.partition(), r.offset()));
            }
            String key = r.key() == null ? null : Topics.PATTERN_LIBRARY.keySerde().deserializer().deserialize(topic, r.key());
            if (topic.equals(Topics.PATTERN_LIBRARY.name())) {
                io.edgeloop.schemas.avro.PatternDefinition p =
                        Topics.PATTERN_LIBRARY.valueSerde().deserializer().deserialize(topic, r.value());
                if (p == null) {
                    library.remove(key);
                } else {
                    PatternDefinition pattern = PatternMapping.toDomain(p);
                    List<Problem> problems = pattern.validate();
                    if (problems.isEmpty()) {
                        library.put(p.getId(), pattern);
                    } else {
                        // as streams-app does: a rule that does not compile is left out, not fatal
                        // (it would stop every run, and again after each restart)
                        library.remove(p.getId());
                        skipped++;
                        LOG.warn("pattern {} v{} left out of the library ({}-{}@{}): {}", p.getId(), p.getVersion(),
                                topic, r.partition(), r.offset(), problems);
                    }
                }
            } else if (topic.equals(Topics.REFERENCE_TICKERS.name())) {
                TickerReference ref = Topics.REFERENCE_TICKERS.valueSerde().deserializer().deserialize(topic, r.value());
                if (ref != null && ref.getSector() != null) {
                    sectors.put(ref.getTicker(), ref.getSector());
                }
            } else if (topic.equals(Topics.MODEL_CHANGELOG.name())) {
                readChange(key, r);
            }
        } catch (CandleMapping.InvalidCandleException e) {
            // what streams-app dead-letters (and never scores): expected input, logged without a trace
            skipped++;
            invalidCandles++;
            LOG.warn("skipping invalid candle {}-{}@{}: {}", topic, r.partition(), r.offset(), e.getMessage());
        } catch (RuntimeException e) {
            skipped++;
            LOG.warn("skipping record {}-{}@{}: {}", topic, r.partition(), r.offset(), e.getMessage(), e);
        }
        return Optional.empty();
    }

    /**
     * A {@code model-changelog} record, keyed by change id: the key is a known id before the value
     * is decoded (a tombstone's too), so a value this build cannot decode (a newer keeper's schema
     * during a rolling upgrade, or corrupt bytes) still keeps the id from being proposed again. Such
     * a record is remembered as unreadable ({@link #unreadableChanges}) until a later record under
     * its key is read (a decision, a tombstone); a record without a key cannot name its id and stays
     * unreadable.
     */
    private void readChange(String key, ConsumerRecord<byte[], byte[]> r) {
        String slot = key != null ? key : r.topic() + "-" + r.partition() + "@" + r.offset();
        if (key != null) {
            changeIds.add(key);
        }
        ModelChange change;
        try {
            change = Topics.MODEL_CHANGELOG.valueSerde().deserializer().deserialize(r.topic(), r.value());
        } catch (RuntimeException e) {
            unreadableChanges.add(slot);
            throw e;
        }
        unreadableChanges.remove(slot);
        if (change != null) {
            changeIds.add(change.getId());
        }
    }

    /** Adds a read candle or score to the book; one the book cannot take is logged and skipped. */
    void apply(Pending pending) {
        try {
            pending.filing().accept(book);
        } catch (RuntimeException e) {
            skipped++;
            LOG.warn("skipping record {}: {}", pending.source(), e.getMessage(), e);
        }
    }

    private static Timeframe interval(String code, String ticker) {
        return Timeframe.parse(code).orElseThrow(() ->
                new IllegalArgumentException("unknown interval '" + code + "' of " + ticker));
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

    /**
     * The changelog records this build cannot read: by change id, the latest record of each id whose
     * value did not decode (by coordinates for one without a key). While there are any the service
     * publishes nothing ({@code RetroApp}): governance data it cannot read may hold what it does not
     * know about, and a build that reads them (the rolling upgrade done) restarts anyway.
     */
    Set<String> unreadableChanges() {
        return Collections.unmodifiableSet(unreadableChanges);
    }

    void remember(String changeId) {
        changeIds.add(changeId);
    }

    /** Records skipped so far: undecodable, unusable, or invalid candles ({@link #invalidCandles}). */
    long skipped() {
        return skipped;
    }

    /** Candles skipped so far because they fail the checks streams-app dead-letters them for. */
    long invalidCandles() {
        return invalidCandles;
    }
}
