package io.edgeloop.streams;

import io.edgeloop.core.candle.SectorMap;
import io.edgeloop.core.signals.SignalConfig;
import io.edgeloop.schemas.avro.AssetClass;
import io.edgeloop.schemas.avro.MarketRegime;
import io.edgeloop.schemas.avro.MarketSignal;
import io.edgeloop.schemas.avro.SessionCalendar;
import io.edgeloop.schemas.avro.SignalLabel;
import io.edgeloop.schemas.avro.SignalLevel;
import io.edgeloop.schemas.avro.TickerReference;
import io.edgeloop.schemas.serde.EdgeloopSerdes;
import io.edgeloop.schemas.topics.Topics;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.processor.api.MockProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.Stores;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Sector and market breadth in event time: a boundary is emitted once every candle partition
 * has passed it, so the result does not depend on how the partitions' votes interleave.
 */
class BreadthProcessorTest {

    /** Twelve real tickers in four sectors of sectors.json, spread over three candle partitions. */
    private static final List<String> TICKERS = List.of("AMZN", "TSLA", "NKE", "KO", "WMT", "COST", "CAT", "GE",
            "NVDA", "AAPL", "MSFT", "AMD");
    private static final long HOUR = 3_600_000L;
    private static final long T0 = Instant.parse("2025-03-03T14:30:00Z").toEpochMilli();
    private static final Duration IDLE = Duration.ofSeconds(30);

    private SectorMap sectors;
    private MockProcessorContext<String, MarketSignal> context;
    private KeyValueStore<String, byte[]> state;
    private KeyValueStore<String, TickerReference> reference;

    @BeforeEach
    void setUp() throws IOException {
        sectors = SectorMap.read(MarketData.dir().resolve("sectors.json"));
        context = new MockProcessorContext<>();
        context.setCurrentSystemTimeMs(Instant.parse("2026-01-01T00:00:00Z").toEpochMilli());
        state = Stores.keyValueStoreBuilder(Stores.inMemoryKeyValueStore(Names.BREADTH_STORE), EdgeloopSerdes.string(),
                Serdes.ByteArray()).withLoggingDisabled().build();
        reference = Stores.keyValueStoreBuilder(Stores.inMemoryKeyValueStore(Names.REFERENCE_STORE),
                EdgeloopSerdes.string(), Topics.REFERENCE_TICKERS.valueSerde()).withLoggingDisabled().build();
        state.init(context.getStateStoreContext(), state);
        reference.init(context.getStateStoreContext(), reference);
        context.addStateStore(state);
        context.addStateStore(reference);
        for (String ticker : TICKERS) {
            reference.put(ticker, new TickerReference(ticker, sectors.sector(ticker), AssetClass.EQUITY,
                    SessionCalendar.US_EQUITY, null));
        }
    }

    @Test
    void shouldEmitABoundaryOnlyAfterEveryPartitionPassedIt() {
        BreadthProcessor breadth = start(2);
        breadth.process(vote("AMZN", SignalLabel.BULLISH, T0, 0));
        breadth.process(vote("KO", SignalLabel.BEARISH, T0, 1));
        breadth.process(vote("AMZN", SignalLabel.BULLISH, T0 + HOUR, 0));
        assertThat(context.forwarded()).isEmpty();

        breadth.process(vote("KO", SignalLabel.BULLISH, T0 + HOUR, 1));

        List<MarketSignal> out = emitted();
        assertThat(out).extracting(MarketSignal::getLevel, MarketSignal::getKey)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(SignalLevel.SECTOR, "Consumer Discretionary"),
                        org.assertj.core.groups.Tuple.tuple(SignalLevel.SECTOR, "Consumer Staples"),
                        org.assertj.core.groups.Tuple.tuple(SignalLevel.MARKET, "ALL"));
        assertThat(out).allSatisfy(s -> assertThat(s.getTime().toEpochMilli()).isEqualTo(T0));
        MarketSignal market = out.get(2);
        assertThat(market.getRegime()).isEqualTo(MarketRegime.INSUFFICIENT_DATA);
        assertThat(List.of(market.getBullish(), market.getBearish(), market.getNeutral())).containsExactly(1, 1, 0);
        assertThat(market.getBreadthPct()).isEqualTo(50.0);
        assertThat(out.get(1).getLabel()).isEqualTo(SignalLabel.BEARISH);
    }

    /**
     * A daily bar opens at midnight and closes after the session, so its boundary comes after
     * hourly boundaries whose bars opened later: a signal's time is its latest member's bar time,
     * which never goes back, not the open time of the boundary's own votes.
     */
    @Test
    void shouldStampASignalWithItsLatestMembersBarTime() {
        BreadthProcessor breadth = start(2);
        long midnight = Instant.parse("2025-03-03T00:00:00Z").toEpochMilli();
        long dailyClose = Instant.parse("2025-03-03T21:00:00Z").toEpochMilli();
        breadth.process(vote("AMZN", SignalLabel.BULLISH, T0, 0));
        breadth.process(new Record<>("KO", new BreadthVote(1, "KO", io.edgeloop.core.signals.SignalLabel.BEARISH,
                midnight, dailyClose), midnight));
        breadth.process(vote("AMZN", SignalLabel.BULLISH, T0 + HOUR, 0));
        breadth.process(vote("AMZN", SignalLabel.BULLISH, dailyClose, 0));
        breadth.process(new Record<>("KO", new BreadthVote(1, "KO", io.edgeloop.core.signals.SignalLabel.BEARISH,
                midnight + 24 * HOUR, dailyClose + 24 * HOUR), midnight + 24 * HOUR));

        List<MarketSignal> out = emitted();
        List<MarketSignal> market = out.stream().filter(s -> s.getLevel() == SignalLevel.MARKET).toList();
        assertThat(market).extracting(s -> s.getTime().toEpochMilli())
                .as("AMZN's first bar, then the boundary KO's daily bar closed: AMZN's second bar is the latest in it")
                .containsExactly(T0, T0 + HOUR);
        assertThat(market.get(1).getBearish()).as("KO's daily vote counted").isEqualTo(1);
        MarketSignal staples = out.stream().filter(s -> "Consumer Staples".equals(s.getKey())).findFirst().orElseThrow();
        assertThat(staples.getTime().toEpochMilli()).as("a sector's time is its own members'").isEqualTo(midnight);
    }

    @Test
    void shouldWaitForAPartitionNotHeardFromUntilItGoesIdle() {
        BreadthProcessor breadth = twoOfThreePartitions(SignalLabel.BULLISH);
        assertThat(context.forwarded()).as("partition 2 may still send bars at T0").isEmpty();

        context.setCurrentSystemTimeMs(context.currentSystemTimeMs() + IDLE.toMillis() / 2);
        breadth.process(vote("AMZN", SignalLabel.BULLISH, T0 + 2 * HOUR, 0));
        breadth.process(vote("KO", SignalLabel.BULLISH, T0 + 2 * HOUR, 1));
        assertThat(context.forwarded()).isEmpty();
        context.setCurrentSystemTimeMs(context.currentSystemTimeMs() + IDLE.toMillis() / 2 + 1);
        breadth.process(vote("AMZN", SignalLabel.BULLISH, T0 + 3 * HOUR, 0));
        breadth.process(vote("KO", SignalLabel.BULLISH, T0 + 3 * HOUR, 1));

        assertThat(emitted()).extracting(s -> s.getTime().toEpochMilli()).containsOnly(T0);
        assertThat(BreadthState.time(state.get(BreadthState.EMITTED))).isEqualTo(T0 + 3 * HOUR);
    }

    /**
     * The end-of-input mark releases a partition at a fixed place in the input, with the wall
     * clock standing still: a partition without tickers holds nothing back once it has ended, the
     * last boundaries are applied when the last partition ends, and a partition that sends again
     * after its end is waited for again from that bar on.
     */
    @Test
    void shouldStopWaitingForAPartitionAtItsEndMarkWithoutWallClock() {
        BreadthProcessor breadth = twoOfThreePartitions(SignalLabel.BEARISH);
        assertThat(context.forwarded()).as("partition 2 not heard from").isEmpty();

        breadth.process(end(2));
        assertThat(emitted()).extracting(s -> s.getTime().toEpochMilli()).containsOnly(T0);
        breadth.process(end(0));
        assertThat(context.forwarded()).as("partition 1 may still send bars at T0 + 1h").isEmpty();
        breadth.process(end(1));
        assertThat(emitted()).extracting(s -> s.getTime().toEpochMilli()).containsOnly(T0 + HOUR);
        try (var pending = state.range(BreadthState.PENDING, BreadthState.PENDING + BreadthState.END)) {
            assertThat(pending.hasNext()).as("votes still pending").isFalse();
        }

        breadth.process(vote("KO", SignalLabel.BEARISH, T0 + 2 * HOUR, 1));
        breadth.process(vote("AMZN", SignalLabel.BULLISH, T0 + 3 * HOUR, 0));
        assertThat(context.forwarded()).as("partition 1 sends again, so it is waited for").isEmpty();
        breadth.process(vote("KO", SignalLabel.BEARISH, T0 + 3 * HOUR, 1));
        assertThat(emitted()).extracting(s -> s.getTime().toEpochMilli()).containsOnly(T0 + 2 * HOUR);
    }

    /**
     * Property: when one partition's votes all come after the others' (its task started late, its
     * tickers come later in the feed, or it fell behind), the signals are the same as in order,
     * with no wall-clock release, once every partition has sent its end mark.
     */
    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {1, 2, 3, 5})
    void shouldEmitTheSameSignalsWhenAPartitionComesLastAndEndsWithAMark(long seed) {
        List<List<Record<String, BreadthVote>>> partitions = votes(new Random(seed), 30);
        List<Record<String, BreadthVote>> inOrder = interleave(partitions, new Random(0), true);
        List<Record<String, BreadthVote>> lateLast = new ArrayList<>();
        int late = (int) (seed % 3);
        for (int p = 0; p < 3; p++) {
            if (p != late) {
                lateLast.addAll(partitions.get(p));
                lateLast.add(end(p));
            }
        }
        lateLast.addAll(partitions.get(late));
        lateLast.add(end(late));
        List<Record<String, BreadthVote>> ordered = new ArrayList<>(inOrder);
        for (int p = 0; p < 3; p++) {
            ordered.add(end(p));
        }

        BreadthProcessor first = start();
        ordered.forEach(first::process);
        List<MarketSignal> expected = emitted();
        setUpQuietly();
        BreadthProcessor second = start();
        lateLast.forEach(second::process);

        assertThat(expected).isNotEmpty();
        assertThat(emitted()).containsExactlyElementsOf(expected);
    }

    @Test
    void shouldComputeRegimeAndRiskFlagOverTheWholeUniverse() {
        BreadthProcessor breadth = start();
        for (int i = 0; i < TICKERS.size(); i++) {
            breadth.process(vote(TICKERS.get(i), i < 10 ? SignalLabel.BULLISH : SignalLabel.NEUTRAL, T0, i % 3));
        }
        for (int p = 0; p < 3; p++) {
            breadth.process(vote(TICKERS.get(p), SignalLabel.BULLISH, T0 + HOUR, p));
        }

        MarketSignal market = emitted().stream().filter(s -> s.getLevel() == SignalLevel.MARKET).findFirst().orElseThrow();
        assertThat(market.getRegime()).isEqualTo(MarketRegime.STRONG_BULL);
        assertThat(market.getLabel()).isEqualTo(SignalLabel.BULLISH);
        assertThat(market.getBreadthPct()).isCloseTo(1000.0 / 12, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(market.getRiskFlags()).containsExactly("BREADTH_EXTREME_HIGH");
        assertThat(market.getNet()).isCloseTo(10.0 / 12, org.assertj.core.data.Offset.offset(1e-12));
    }

    /**
     * Property: any interleaving of the partitions' votes that keeps each partition's own order
     * (as Kafka does) gives the same signals, once each partition has sent its first vote.
     */
    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {1, 2, 3, 5, 8, 13, 21, 34})
    void shouldEmitTheSameSignalsWhateverTheInterleaving(long seed) {
        List<List<Record<String, BreadthVote>>> partitions = votes(new Random(seed), 30);
        List<MarketSignal> inOrder = run(partitions, new Random(0), true);
        List<MarketSignal> shuffled = run(partitions, new Random(seed * 7919), false);

        assertThat(shuffled).isEqualTo(inOrder);
        assertThat(inOrder).isNotEmpty();
    }

    @Test
    void shouldFlushTheLastBoundariesWhenEveryPartitionIsIdle() {
        BreadthProcessor breadth = start(2);
        breadth.process(vote("AMZN", SignalLabel.BULLISH, T0, 0));
        breadth.process(vote("KO", SignalLabel.BULLISH, T0, 1));
        assertThat(context.forwarded()).isEmpty();

        context.setCurrentSystemTimeMs(context.currentSystemTimeMs() + IDLE.toMillis() + 1);
        context.scheduledPunctuators().get(0).getPunctuator().punctuate(context.currentSystemTimeMs());

        assertThat(emitted()).extracting(MarketSignal::getKey)
                .containsExactly("Consumer Discretionary", "Consumer Staples", "ALL");
    }

    @Test
    void shouldApplyALateVoteWithoutRewritingAnEmittedBoundary() {
        BreadthProcessor breadth = partitionOneWentIdleAfterTwoBars();
        emitted();
        assertThat(BreadthState.time(state.get(BreadthState.EMITTED))).isEqualTo(T0 + 3 * HOUR);

        breadth.process(vote("KO", SignalLabel.BEARISH, T0 + 2 * HOUR, 1));
        assertThat(context.forwarded()).as("a late vote rewrites no emitted boundary").isEmpty();
        breadth.process(vote("KO", SignalLabel.BEARISH, T0 + 4 * HOUR, 1));
        breadth.process(vote("AMZN", SignalLabel.BULLISH, T0 + 4 * HOUR, 0));

        List<MarketSignal> out = emitted();
        MarketSignal market = out.get(out.size() - 1);
        assertThat(market.getTime().toEpochMilli()).as("AMZN's bar at the boundary is the latest").isEqualTo(T0 + 3 * HOUR);
        assertThat(List.of(market.getBullish(), market.getBearish())).containsExactly(1, 1);
        assertThat(out).as("the late vote's sector shows at the next boundary, like the market")
                .filteredOn(s -> s.getKey().equals("Consumer Staples"))
                .singleElement().satisfies(s -> {
                    assertThat(List.of(s.getBullish(), s.getBearish())).containsExactly(0, 1);
                    assertThat(s.getTime().toEpochMilli()).as("its latest member's bar: the late vote's").isEqualTo(T0 + 2 * HOUR);
                });
    }

    @Test
    void shouldEmitALateVotesSectorAtTheNextBoundaryAfterARestart() {
        BreadthProcessor breadth = partitionOneWentIdleAfterTwoBars();
        breadth.process(vote("KO", SignalLabel.BEARISH, T0 + 2 * HOUR, 1));
        emitted();
        breadth.close();

        BreadthProcessor restarted = start(2);
        restarted.process(vote("AMZN", SignalLabel.BEARISH, T0 + 4 * HOUR, 0));
        restarted.process(new Record<>("", BreadthVote.progress(1, T0 + 6 * HOUR), 0L));
        restarted.process(new Record<>("", BreadthVote.progress(0, T0 + 6 * HOUR), 0L));

        assertThat(emitted()).as("the stored member vote moved Consumer Staples; its reading goes out, once")
                .filteredOn(s -> s.getKey().equals("Consumer Staples"))
                .singleElement().satisfies(s -> assertThat(List.of(s.getBullish(), s.getBearish())).containsExactly(0, 1));
    }

    @Test
    void shouldContinueFromItsStoreAfterARestart() {
        List<List<Record<String, BreadthVote>>> partitions = votes(new Random(99), 20);
        List<MarketSignal> uninterrupted = run(partitions, new Random(0), true);

        setUpQuietly();
        BreadthProcessor first = start();
        List<Record<String, BreadthVote>> order = interleave(partitions, new Random(0), true);
        int half = order.size() / 2;
        order.subList(0, half).forEach(first::process);
        List<MarketSignal> out = new ArrayList<>(emitted());
        first.close();
        BreadthProcessor second = start();
        order.subList(half, order.size()).forEach(second::process);
        flush();
        out.addAll(emitted());

        assertThat(out).isEqualTo(uninterrupted);
    }

    private List<MarketSignal> run(List<List<Record<String, BreadthVote>>> partitions, Random random, boolean roundRobin) {
        setUpQuietly();
        BreadthProcessor breadth = start();
        interleave(partitions, random, roundRobin).forEach(breadth::process);
        flush();
        return emitted();
    }

    private void flush() {
        context.setCurrentSystemTimeMs(context.currentSystemTimeMs() + IDLE.toMillis() + 1);
        context.scheduledPunctuators().get(context.scheduledPunctuators().size() - 1).getPunctuator()
                .punctuate(context.currentSystemTimeMs());
    }

    /** Each partition's first vote, then the rest interleaved at random (or round-robin) in partition order. */
    private static List<Record<String, BreadthVote>> interleave(List<List<Record<String, BreadthVote>>> partitions,
                                                                 Random random, boolean roundRobin) {
        List<Record<String, BreadthVote>> out = new ArrayList<>();
        int[] next = new int[partitions.size()];
        for (int p = 0; p < partitions.size(); p++) {
            out.add(partitions.get(p).get(0));
            next[p] = 1;
        }
        int turn = 0;
        while (true) {
            List<Integer> open = new ArrayList<>();
            for (int p = 0; p < partitions.size(); p++) {
                if (next[p] < partitions.get(p).size()) {
                    open.add(p);
                }
            }
            if (open.isEmpty()) {
                return out;
            }
            int p = roundRobin ? open.get(turn++ % open.size()) : open.get(random.nextInt(open.size()));
            out.add(partitions.get(p).get(next[p]++));
        }
    }

    /** Hourly votes of the twelve tickers with seeded random labels, grouped by partition (ticker index mod 3). */
    private static List<List<Record<String, BreadthVote>>> votes(Random random, int bars) {
        List<List<Record<String, BreadthVote>>> partitions = List.of(new ArrayList<>(), new ArrayList<>(), new ArrayList<>());
        SignalLabel[] labels = {SignalLabel.BULLISH, SignalLabel.BEARISH, SignalLabel.NEUTRAL};
        for (int bar = 0; bar < bars; bar++) {
            for (int i = 0; i < TICKERS.size(); i++) {
                if (random.nextInt(5) > 0) {
                    partitions.get(i % 3).add(vote(TICKERS.get(i), labels[random.nextInt(3)], T0 + bar * HOUR, i % 3));
                }
            }
        }
        return partitions;
    }

    /**
     * Breadth over three partitions, of which only 0 and 1 have sent: AMZN and KO bullish at T0,
     * then AMZN {@code amznNext} and KO bullish an hour later.
     */
    private BreadthProcessor twoOfThreePartitions(SignalLabel amznNext) {
        BreadthProcessor breadth = start(3);
        breadth.process(vote("AMZN", SignalLabel.BULLISH, T0, 0));
        breadth.process(vote("KO", SignalLabel.BULLISH, T0, 1));
        breadth.process(vote("AMZN", amznNext, T0 + HOUR, 0));
        breadth.process(vote("KO", SignalLabel.BULLISH, T0 + HOUR, 1));
        return breadth;
    }

    /**
     * Breadth over two partitions, AMZN's (0) and KO's (1), both bullish for two bars; then
     * partition 1 falls silent past the idle time while AMZN votes on, so breadth is emitted
     * through T0 + 3h without it.
     */
    private BreadthProcessor partitionOneWentIdleAfterTwoBars() {
        BreadthProcessor breadth = start(2);
        breadth.process(vote("AMZN", SignalLabel.BULLISH, T0, 0));
        breadth.process(vote("KO", SignalLabel.BULLISH, T0, 1));
        breadth.process(vote("AMZN", SignalLabel.BULLISH, T0 + HOUR, 0));
        breadth.process(vote("KO", SignalLabel.BULLISH, T0 + HOUR, 1));
        context.setCurrentSystemTimeMs(context.currentSystemTimeMs() + IDLE.toMillis() + 1);
        breadth.process(vote("AMZN", SignalLabel.BULLISH, T0 + 2 * HOUR, 0));
        breadth.process(vote("AMZN", SignalLabel.BULLISH, T0 + 3 * HOUR, 0));
        return breadth;
    }

    private BreadthProcessor start() {
        return start(3);
    }

    private BreadthProcessor start(int partitions) {
        BreadthProcessor breadth = new BreadthProcessor(SignalConfig.defaults(), IDLE, partitions);
        breadth.init(context);
        return breadth;
    }

    private void setUpQuietly() {
        try {
            setUp();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private List<MarketSignal> emitted() {
        List<MarketSignal> out = new ArrayList<>();
        context.forwarded().forEach(f -> out.add(f.record().value()));
        context.resetForwards();
        return out;
    }

    /** A partition's end-of-input mark, as its ticker task passes it on. */
    private static Record<String, BreadthVote> end(int partition) {
        return new Record<>("", BreadthVote.progress(partition, CandleInputMarks.END), 0L);
    }

    /** A vote for an hourly bar opening at {@code time} (so closing an hour later). */
    private static Record<String, BreadthVote> vote(String ticker, SignalLabel label, long time, int partition) {
        return new Record<>(ticker, new BreadthVote(partition, ticker,
                io.edgeloop.core.signals.SignalLabel.valueOf(label.name()), time, time + HOUR), time);
    }
}
