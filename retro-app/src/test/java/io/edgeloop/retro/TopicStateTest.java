package io.edgeloop.retro;

import io.edgeloop.core.candle.Candle;
import io.edgeloop.core.candle.CandleFiles;
import io.edgeloop.core.candle.Timeframe;
import io.edgeloop.core.rules.Rule;
import io.edgeloop.core.rules.SeedPatterns;
import io.edgeloop.core.stats.BetaPrior;
import io.edgeloop.schemas.avro.PatternDefinition;
import io.edgeloop.schemas.mapping.PatternMapping;
import io.edgeloop.schemas.mapping.RuleMapping;
import io.edgeloop.schemas.topics.Topics;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** Reading the service's inputs: a candle is dated by its bar's close; what cannot be used is skipped. */
class TopicStateTest {

    private static final String CANDLES = Topics.CANDLES.name();

    private static ConsumerRecord<byte[], byte[]> record(byte[] value) {
        return new ConsumerRecord<>(CANDLES, 2, 41, "SPY".getBytes(StandardCharsets.UTF_8), value);
    }

    private static byte[] candle(String interval, String open) {
        Candle c = new Candle("SPY", Timeframe.D1, Instant.parse(open).toEpochMilli(), 1, 2, 0.5, 1.5, 10, "test");
        return Topics.CANDLES.valueSerde().serializer().serialize(CANDLES,
                io.edgeloop.schemas.avro.Candle.newBuilder(RetroTopicRecords.avro(c)).setInterval(interval).build());
    }

    @Test
    void shouldDateADailyCandleByItsSessionCloseAndApplyItOnlyWhenAsked() {
        TopicState state = new TopicState(400);

        Optional<TopicState.Pending> read = state.read(record(candle("D", "2025-07-15T00:00:00Z")));

        assertThat(read).isPresent();
        assertThat(Instant.ofEpochMilli(read.get().visibleAt())).isEqualTo("2025-07-15T20:00:00Z");
        assertThat(Instant.ofEpochMilli(read.get().eventTime())).isEqualTo("2025-07-15T00:00:00Z");
        assertThat(read.get().source()).isEqualTo("candles-2@41");
        assertThat(state.book().tickers()).as("read, not applied").isZero();
        state.apply(read.get());
        assertThat(state.book().tickers()).isEqualTo(1);
    }

    @Test
    void shouldSkipARecordThatDoesNotDecodeOrHasAnUnknownInterval() {
        TopicState state = new TopicState(400);

        assertThat(state.read(record("not avro".getBytes(StandardCharsets.UTF_8)))).isEmpty();
        assertThat(state.read(record(candle("7X", "2025-07-15T00:00:00Z")))).isEmpty();

        assertThat(state.skipped()).isEqualTo(2);
        assertThat(state.book().tickers()).isZero();
    }

    @Test
    void shouldLeaveAPatternWhoseRuleDoesNotValidateOutOfTheLibrary() {
        TopicState state = new TopicState(400);
        String library = Topics.PATTERN_LIBRARY.name();
        PatternDefinition good = PatternMapping.toAvro(SeedPatterns.byId("bull_state_dominance").orElseThrow(), 1,
                BetaPrior.UNIFORM, 0.95, null);
        PatternDefinition bad = PatternDefinition.newBuilder(PatternMapping.toAvro(
                        SeedPatterns.byId("bear_state_dominance").orElseThrow(), 1, BetaPrior.UNIFORM, 0.95, null))
                .setRule(RuleMapping.toAvro(Rule.gte("htf_score", 55))).build();
        for (PatternDefinition p : List.of(good, bad)) {
            state.read(new ConsumerRecord<>(library, 0, 0, p.getId().getBytes(StandardCharsets.UTF_8),
                    Topics.PATTERN_LIBRARY.valueSerde().serializer().serialize(library, p)));
        }

        assertThat(state.library()).extracting(io.edgeloop.core.rules.PatternDefinition::id)
                .containsExactly("bull_state_dominance");
        assertThat(state.skipped()).isEqualTo(1);
    }

    /**
     * The service's path for a half day, on SPY's real hourly bars of Wednesday 2025-11-26 to
     * Monday 2025-12-01 (Friday 11-28 has four, 09:30 to 13:00 New York): read in order, passed
     * through the data gate with the run as of Friday (21:15 UTC) as horizon, and the book advanced
     * to the run's time as {@code RetroApp} does before the run. Monday's bars are held back, and
     * no later bar closes Friday's daily bar: the run sees it from the advance.
     */
    @Test
    void shouldGiveTheRunAsOfAHalfDayFridayThatDaysBarWithoutMondaysBars() throws IOException {
        TopicState state = new TopicState(400);
        DataTimeGate<TopicState.Pending> gate = new DataTimeGate<>();
        long run = Instant.parse("2025-11-28T21:15:00Z").toEpochMilli();
        Path file = Path.of(System.getProperty("edgeloop.data.dir"), "history", "SPY_60.json");
        long from = Instant.parse("2025-11-26T00:00:00Z").toEpochMilli();
        long to = Instant.parse("2025-12-02T00:00:00Z").toEpochMilli();
        long offset = 0;
        for (Candle c : CandleFiles.read(file).candles()) {
            if (c.openTime() >= from && c.openTime() < to) {
                byte[] value = Topics.CANDLES.valueSerde().serializer().serialize(CANDLES, RetroTopicRecords.avro(c));
                TopicState.Pending pending = state.read(new ConsumerRecord<>(CANDLES, 0, offset++,
                        "SPY".getBytes(StandardCharsets.UTF_8), value)).orElseThrow();
                if (gate.pass(new TopicPartition(CANDLES, 0), pending.visibleAt(), pending, run)) {
                    state.apply(pending);
                }
            }
        }
        assertThat(offset).as("7 + 4 + 7 hourly bars").isEqualTo(18);
        gate.release(run).forEach(state::apply);

        state.book().advanceTo(run);

        List<Candle> bars = state.book().dailyBars().get("SPY");
        assertThat(bars).extracting(b -> LocalDate.ofEpochDay(b.openTime() / 86_400_000L))
                .containsExactly(LocalDate.of(2025, 11, 26), LocalDate.of(2025, 11, 28));
        Candle friday = bars.get(1);
        assertThat(new double[] {friday.open(), friday.high(), friday.low(), friday.close()})
                .containsExactly(680.86, 683.66, 680.5, 683.34);
        assertThat(gate.size()).as("Monday's bars wait for the next run").isEqualTo(7);
    }

    /**
     * streams-app dead-letters a candle that {@code CandleValidator} rejects (a price that is not
     * positive or not finite, a high below the low, an open time more than two days after now, or
     * the epoch-0 placeholder) and scores nothing for it. The service must not take it either: a
     * zero close is a -100% "move" for the miner, and an epoch-0 bar becomes the service's first
     * data time, so it runs every week from 1970 on ({@code RetroBadCandleIT}).
     */
    @Test
    void shouldSkipACandleThatStreamsAppRejectsAsInvalid() {
        TopicState state = new TopicState(400);
        long day = Instant.parse("2025-07-15T00:00:00Z").toEpochMilli();
        List<Candle> invalid = List.of(
                new Candle("SPY", Timeframe.D1, day, 100, 101, 99, 0, 10, "test"),             // close 0
                new Candle("SPY", Timeframe.D1, day, 100, 101, 99, Double.NaN, 10, "test"),    // close NaN
                new Candle("SPY", Timeframe.D1, day, 100, 99, 101, 100, 10, "test"),           // high < low
                new Candle("SPY", Timeframe.D1, day, 100, 101, 99, 100, -5, "test"),           // volume < 0
                new Candle("SPY", Timeframe.D1, Instant.parse("2099-01-02T00:00:00Z").toEpochMilli(), 100, 101, 99,
                        100, 10, "test"),                                                     // far future
                new Candle("SPY", Timeframe.D1, 0, 100, 101, 99, 100, 10, "test"));            // epoch 0
        long offset = 0;
        for (Candle c : invalid) {
            byte[] value = Topics.CANDLES.valueSerde().serializer().serialize(CANDLES, RetroTopicRecords.avro(c));
            state.read(new ConsumerRecord<>(CANDLES, 0, offset++, "SPY".getBytes(StandardCharsets.UTF_8), value))
                    .ifPresent(state::apply);
        }

        assertThat(state.skipped()).as("every invalid candle is skipped").isEqualTo(invalid.size());
        assertThat(state.book().dailyBars()).as("no invalid bar in the book").isEmpty();
    }

    /**
     * "An id the changelog already holds (an earlier proposal, a decision) is never written
     * again": the service learns the ids from {@code model-changelog}, keyed by change id. A record
     * whose value this build cannot decode (here: written with a schema fingerprint it does not
     * know, as a keeper one release ahead writes during a rolling upgrade) is skipped whole, key
     * included, so its id counts as unknown and the next run that proposes it (a week rerun after
     * a restart) writes a PROPOSED record over the operator's decision on the compacted topic.
     * {@code ChangePublisher.knownIds} reads the key alone and does not have this problem.
     */
    @Test
    void shouldKnowAChangeIdWhoseValueItCannotDecode() {
        TopicState state = new TopicState(400);
        String changelog = Topics.MODEL_CHANGELOG.name();
        String id = "retro-2020-02-28-regime_alert-market";
        io.edgeloop.schemas.avro.ModelChange decided = io.edgeloop.schemas.avro.ModelChange.newBuilder(
                        ChangeRecords.toAvro(new io.edgeloop.core.retro.Proposal(id,
                                io.edgeloop.core.retro.ProposalKind.REGIME_ALERT, null, "decided earlier",
                                io.edgeloop.core.retro.Severity.HIGH, new io.edgeloop.core.retro.Evidence(0, null, null,
                                null, null, null, null, null, null, null, null, java.util.Map.of()), Optional.empty()),
                                Instant.parse("2020-02-28T21:15:00Z"), BetaPrior.UNIFORM))
                .setStatus(io.edgeloop.schemas.avro.ChangeStatus.REJECTED).build();
        byte[] value = Topics.MODEL_CHANGELOG.valueSerde().serializer().serialize(changelog, decided);
        value[2] ^= 0x5A; // the 8-byte schema fingerprint after the 0xC3 0x01 marker: a version this build lacks

        state.read(new ConsumerRecord<>(changelog, 0, 7, id.getBytes(StandardCharsets.UTF_8), value));

        assertThat(state.skipped()).as("the value does not decode").isEqualTo(1);
        assertThat(state.known(id)).as("its key is still a change id the changelog holds").isTrue();
    }

    /**
     * The record this build cannot decode holds publishing ({@code RetroChangelogHoldIT}) until a
     * later record under its key supersedes it; a tombstone's key is a known id as well.
     */
    @Test
    void shouldHoldAnUndecodableChangeUntilALaterRecordUnderItsKey() {
        TopicState state = new TopicState(400);
        String changelog = Topics.MODEL_CHANGELOG.name();
        byte[] unknownSchema = {(byte) 0xC3, 0x01, 1, 2, 3, 4, 5, 6, 7, 8, 0};

        state.read(new ConsumerRecord<>(changelog, 0, 1, "a".getBytes(StandardCharsets.UTF_8), unknownSchema));
        state.read(new ConsumerRecord<>(changelog, 0, 2, "b".getBytes(StandardCharsets.UTF_8), unknownSchema));
        state.read(new ConsumerRecord<>(changelog, 0, 3, "c".getBytes(StandardCharsets.UTF_8), null));
        assertThat(state.unreadableChanges()).containsExactly("a", "b");
        assertThat(state.known("c")).as("a tombstone's key").isTrue();

        state.read(new ConsumerRecord<>(changelog, 0, 4, "a".getBytes(StandardCharsets.UTF_8), null));
        assertThat(state.unreadableChanges()).containsExactly("b");
        assertThat(state.known("a")).isTrue();
    }
}
