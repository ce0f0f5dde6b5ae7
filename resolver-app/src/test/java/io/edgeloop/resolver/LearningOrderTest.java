package io.edgeloop.resolver;

import io.edgeloop.schemas.avro.ChangeStatus;
import io.edgeloop.schemas.avro.Direction;
import io.edgeloop.schemas.avro.ModelChange;
import io.edgeloop.schemas.avro.Outcome;
import io.edgeloop.schemas.avro.OutcomeAction;
import io.edgeloop.schemas.avro.OutcomeStatus;
import io.edgeloop.schemas.avro.PatternDefinition;
import io.edgeloop.schemas.topics.Topics;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.state.KeyValueStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The keeper learns in (order time, prediction id) order whatever the interleaving of the
 * outcome tasks on its learning topic: three tasks' outcomes and progress marks, fed partition
 * after partition (a task's first record after the others have finished, as seen in a replay),
 * shuffled, and shuffled with a restart in the middle, give the same pattern-library and
 * model-changelog records. The same outcomes in the format before marks (learnt on arrival) do
 * not, which is what the ordering fixes.
 */
class LearningOrderTest {

    private static final String BULL = "bull_state_dominance";
    private static final String BEAR = "bear_state_dominance";
    private static final int SOURCES = 3;
    private static final int PER_SOURCE = 9;
    private static final Instant START = Instant.parse("2024-03-04T00:00:00Z");
    private static final ResolverConfig CONFIG = ResolverConfig.defaults().withInMemoryStores()
            .withLearningSources(SOURCES);
    private static final long FAR = Instant.parse("2030-01-01T00:00:00Z").toEpochMilli();

    @TempDir
    Path stateDir;

    /** One learning-topic record as an outcome task writes it. */
    private record Sent(int source, String key, LearningRecord record) {
    }

    @Test
    void shouldLearnTheSameWhateverTheInterleavingOfTheOutcomeTasks() {
        List<List<Sent>> tasks = tasks();

        Keeper inOrder = run("in-order", partitionAfterPartition(tasks), false, false);
        Keeper shuffled = run("shuffled", shuffle(tasks, 7), false, false);
        Keeper restarted = run("restarted", shuffle(tasks, 11), true, false);

        assertThat(inOrder.changelog()).as("the fast loop degraded BULL").anySatisfy(c -> {
            assertThat(c.getId()).startsWith("auto-degrade-" + BULL);
            assertThat(c.getStatus()).isEqualTo(ChangeStatus.AUTO_APPLIED);
        });
        assertThat(learnt(inOrder, BULL) + learnt(inOrder, BEAR)).as("every outcome credited to both patterns")
                .isEqualTo(2L * SOURCES * PER_SOURCE);
        assertThat(shuffled).isEqualTo(inOrder);
        assertThat(restarted).isEqualTo(inOrder);
    }

    @Test
    void shouldShowTheInterleavingWhenOutcomesAreLearntOnArrival() {
        List<List<Sent>> tasks = tasks();

        Keeper inOrder = run("legacy-in-order", partitionAfterPartition(tasks), false, true);
        Keeper shuffled = run("legacy-shuffled", shuffle(tasks, 7), false, true);

        assertThat(learnt(shuffled, BULL)).isEqualTo(learnt(inOrder, BULL)).isEqualTo(SOURCES * PER_SOURCE);
        assertThat(shuffled.library()).as("the same outcomes learnt in another order publish other statistics")
                .isNotEqualTo(inOrder.library());
    }

    @Test
    void shouldLearnAnOutcomeOnlyOnceEveryReportingTaskHasPassedIt() {
        try (ResolverDriver resolver = new ResolverDriver(CONFIG.withLearningSources(2), stateDir.resolve("wait"))) {
            long t0 = START.toEpochMilli();
            send(resolver, new Sent(0, "", LearningRecord.mark(0, t0)), false);
            send(resolver, new Sent(1, "", LearningRecord.mark(1, t0)), false);
            send(resolver, new Sent(0, "SPY", LearningRecord.outcome(0, t0, outcome("p-1", "SPY", t0 + day(3), -2.0))),
                    false);
            send(resolver, new Sent(0, "", LearningRecord.mark(0, t0 + day(5))), false);
            assertThat(bullN(resolver)).as("task 1 is still at the start").isZero();

            send(resolver, new Sent(1, "", LearningRecord.mark(1, t0 + day(2))), false);
            assertThat(bullN(resolver)).as("task 1 has not passed the outcome's time yet").isZero();

            send(resolver, new Sent(1, "", LearningRecord.mark(1, t0 + day(3))), false);
            assertThat(bullN(resolver)).as("task 1 may still send an outcome ordered at the outcome's time").isZero();

            send(resolver, new Sent(1, "", LearningRecord.mark(1, t0 + day(3) + 1)), false);
            assertThat(bullN(resolver)).as("both tasks past it").isEqualTo(1);
            assertThat(resolver.contents(ResolverStores.KEEPER_LEARNING).keySet()).as("nothing left waiting")
                    .noneMatch(k -> k.startsWith(KeeperProcessor.WAITING_PREFIX));
        }
    }

    @Test
    void shouldWaitForEveryOutcomeTaskUntilOneThatSentNothingHasBeenSilentForTheIdleTime() {
        try (ResolverDriver resolver = new ResolverDriver(CONFIG, stateDir.resolve("idle"))) {
            long t0 = START.toEpochMilli();
            send(resolver, new Sent(0, "SPY", LearningRecord.outcome(0, t0, outcome("p-1", "SPY", t0 + day(1), -2.0))),
                    false);
            send(resolver, new Sent(0, "", LearningRecord.mark(0, t0 + day(5))), false);
            send(resolver, new Sent(1, "", LearningRecord.mark(1, t0 + day(5))), false);
            assertThat(bullN(resolver)).as("task 2 of 3 has not reported").isZero();

            resolver.advanceWallClock(ResolverConfig.DEFAULT_LEARNING_IDLE.minusMinutes(5));
            assertThat(bullN(resolver)).as("not silent for long enough").isZero();
            send(resolver, new Sent(0, "", LearningRecord.mark(0, t0 + day(6))), false);
            send(resolver, new Sent(1, "", LearningRecord.mark(1, t0 + day(6))), false);
            resolver.advanceWallClock(Duration.ofMinutes(6));
            assertThat(bullN(resolver)).as("task 2 silent since the keeper started").isEqualTo(1);
        }
    }

    /**
     * An outcome ordered exactly at its task's mark (resolved before the mark: a resolve-due
     * request moved every task's mark past its time and a daily bar that opened before it came in
     * afterwards; or a prediction arrived after its horizon bars) must be learnt in (order time,
     * prediction id) order like any other, whatever the interleaving of the tasks. Here BULL, at 1
     * hit in 9, gets a miss (pred-z, task 0) and a hit (pred-a, task 1) both ordered at the common
     * mark: learnt when every task's mark is at that time (as a keeper that learnt up to the
     * smallest mark inclusive did), they were learnt on arrival, and which auto-degrade was
     * applied depended on which task's record reached the learning partition first. They wait
     * until every mark has passed them.
     */
    @Test
    void shouldLearnOutcomesOrderedAtTheCommonMarkInTheSameOrderWhateverTheInterleaving() {
        long t0 = START.toEpochMilli();
        long at = t0 + day(10);
        List<Sent> before = new ArrayList<>();
        for (int source = 0; source < SOURCES; source++) {
            before.add(new Sent(source, "", LearningRecord.mark(source, t0)));
        }
        for (int i = 0; i < 9; i++) {
            before.add(new Sent(2, "T2", LearningRecord.outcome(2, t0,
                    outcome("pred-2-" + i, "T2", t0 + day(i + 1), i == 0 ? 3.0 : -3.0))));
        }
        for (int source = 0; source < SOURCES; source++) {
            before.add(new Sent(source, "", LearningRecord.mark(source, at)));
        }
        Sent miss = new Sent(0, "T0", LearningRecord.outcome(0, at, outcome("pred-z", "T0", at - day(1), -3.0)));
        Sent hit = new Sent(1, "T1", LearningRecord.outcome(1, at, outcome("pred-a", "T1", at - day(1), 3.0)));
        assertThat(miss.record().orderTime()).isEqualTo(at);
        assertThat(hit.record().orderTime()).isEqualTo(at);

        List<Sent> missFirst = new ArrayList<>(before);
        missFirst.add(miss);
        missFirst.add(hit);
        List<Sent> hitFirst = new ArrayList<>(before);
        hitFirst.add(hit);
        hitFirst.add(miss);

        Keeper one = run("miss-first", missFirst, false, false);
        Keeper other = run("hit-first", hitFirst, false, false);

        assertThat(one.changelog()).extracting(ModelChange::getId)
                .as("(order time, prediction id): pred-a's hit, then pred-z's miss: 2 hits in 11")
                .containsExactly("auto-degrade-" + BULL + "-v1-r1-n11");
        assertThat(other.changelog()).extracting(ModelChange::getId)
                .containsExactly("auto-degrade-" + BULL + "-v1-r1-n11");
        assertThat(other).isEqualTo(one);
    }

    /**
     * The end of a replay: every task handles the final resolve-due request at R and sends its
     * mark after R. Every outcome resolved so far is then learnt: one the request's sweep
     * released (task 1, a daily bar that opened the day before, closed by the sweep) and those
     * ordered exactly at R (tasks 0 and 2, the last daily bar of the data opens at R), whichever
     * task's records reach the keeper first. An outcome a task emits after the request (a daily
     * bar that opened before R, read after it: tasks 0 and 2) is ordered at that task's new mark
     * and waits for the next marks (here a second request), then is learnt in (order time,
     * prediction id) order too, not in arrival order.
     */
    @Test
    void shouldLearnEveryOutcomeResolvedBeforeTheFinalResolveDueInTheSameOrderWhateverTheInterleaving() {
        long t0 = START.toEpochMilli();
        long r = t0 + day(10);
        long before = r - day(2);
        long first = OutcomeProcessor.releaseMark(r, before);
        long second = OutcomeProcessor.releaseMark(r, first);
        assertThat(first).isEqualTo(r + 1);
        assertThat(second).as("a second request at the same stream time still moves the marks").isEqualTo(r + 2);

        List<List<Sent>> upToFirst = new ArrayList<>();
        List<List<Sent>> upToSecond = new ArrayList<>();
        for (int source = 0; source < SOURCES; source++) {
            List<Sent> sent = new ArrayList<>();
            sent.add(new Sent(source, "", LearningRecord.mark(source, t0)));
            sent.add(new Sent(source, "", LearningRecord.mark(source, before)));
            upToFirst.add(sent);
            upToSecond.add(new ArrayList<>());
        }
        Sent atR0 = new Sent(0, "T0", LearningRecord.outcome(0, before, outcome("pred-z-at", "T0", r, -3.0)));
        Sent atR2 = new Sent(2, "T2", LearningRecord.outcome(2, before, outcome("pred-y-at", "T2", r, 3.0)));
        Sent swept1 = new Sent(1, "T1", LearningRecord.outcome(1, before, outcome("pred-a-swept", "T1", r - day(1), 3.0)));
        Sent late0 = new Sent(0, "T0", LearningRecord.outcome(0, first, outcome("pred-b-late", "T0", r - day(1), 3.0)));
        Sent late2 = new Sent(2, "T2", LearningRecord.outcome(2, first, outcome("pred-m-late", "T2", r - day(1), -3.0)));
        assertThat(atR0.record().orderTime()).isEqualTo(r);
        assertThat(late0.record().orderTime()).as("ordered at its task's new mark").isEqualTo(r + 1);
        upToFirst.get(0).add(atR0);
        upToFirst.get(2).add(atR2);
        upToFirst.get(1).add(swept1);
        for (int source = 0; source < SOURCES; source++) {
            upToFirst.get(source).add(new Sent(source, "", LearningRecord.mark(source, first)));
        }
        upToSecond.get(0).add(late0);
        upToSecond.get(2).add(late2);
        for (int source = 0; source < SOURCES; source++) {
            upToSecond.get(source).add(new Sent(source, "", LearningRecord.mark(source, second)));
        }

        List<Keeper> runs = new ArrayList<>();
        for (long seed : new long[] {-1, 3, 5, 8, 13}) {
            List<Sent> phase1 = seed < 0 ? partitionAfterPartition(upToFirst) : shuffle(upToFirst, seed);
            List<Sent> phase2 = seed < 0 ? partitionAfterPartition(reversed(upToSecond)) : shuffle(upToSecond, seed);
            try (ResolverDriver resolver = new ResolverDriver(CONFIG, stateDir.resolve("final-" + seed))) {
                phase1.forEach(sent -> send(resolver, sent, false));
                assertThat(bullN(resolver)).as("after the first request: every outcome resolved before it").isEqualTo(3);
                assertThat(waitingKeys(resolver)).as("only what was emitted after the request waits").isEmpty();
                phase2.forEach(sent -> send(resolver, sent, false));
                assertThat(bullN(resolver)).as("after the second request: every outcome").isEqualTo(5);
                assertThat(waitingKeys(resolver)).isEmpty();
                runs.add(new Keeper(resolver.library(), resolver.changelog()));
            }
        }
        List<Long> bullHits = runs.get(0).library().stream().filter(kv -> kv.key.equals(BULL) && kv.value.getStats() != null)
                .map(kv -> (long) kv.value.getStats().getHits()).toList();
        assertThat(bullHits).as("(order time, prediction id): a-swept, y-at, z-at, b-late, m-late")
                .containsExactly(0L, 1L, 2L, 2L, 3L, 3L);
        assertThat(runs).allSatisfy(run -> assertThat(run).isEqualTo(runs.get(0)));
    }

    /**
     * The same end of a replay through the outcome task itself: the last daily bar of SPY opens
     * at the stream time R of the request, so its outcome is ordered exactly at R, and is learnt
     * once the request is handled; an IWM bar that opened before R, read after the request,
     * resolves an outcome ordered after R, learnt at the next request.
     */
    @Test
    void shouldLearnAnOutcomeOrderedAtTheRequestTimeAndALaterOneAtTheNextRequest() {
        List<io.edgeloop.core.candle.Candle> spy = MarketData.history("SPY_D.json");
        List<io.edgeloop.core.candle.Candle> iwm = MarketData.history("IWM_D.json");
        try (ResolverDriver resolver = new ResolverDriver(ResolverConfig.defaults().withInMemoryStores(),
                stateDir.resolve("through-the-task"))) {
            io.edgeloop.core.candle.Candle iwmEntry = MarketData.on(iwm, LocalDate.of(2025, 4, 17));
            resolver.candle(iwmEntry);
            resolver.predict(TestRecords.prediction(iwmEntry, Direction.UP, TestRecords.match(BULL, 1, Direction.UP)));
            io.edgeloop.core.candle.Candle spyEntry = MarketData.on(spy, LocalDate.of(2025, 4, 21));
            resolver.candle(spyEntry);
            resolver.predict(TestRecords.prediction(spyEntry, Direction.UP, TestRecords.match(BULL, 1, Direction.UP)));
            resolver.candles(MarketData.between(iwm, LocalDate.of(2025, 4, 21), LocalDate.of(2025, 4, 24)));
            resolver.candles(MarketData.between(spy, LocalDate.of(2025, 4, 22), LocalDate.of(2025, 4, 28)));
            long r = MarketData.on(spy, LocalDate.of(2025, 4, 28)).openTime();
            assertThat(resolver.outcomes()).hasSize(1);
            assertThat(resolver.outcomes().get(0).getResolvedTime().toEpochMilli()).isEqualTo(r);

            resolver.learnAll();
            assertThat(resolver.contents(ResolverStores.CLOCK).get(ResolverStores.MARK_KEY)).isEqualTo(r + 1);
            assertThat(bullN(resolver)).as("the outcome ordered at the request's time is learnt").isEqualTo(1);
            assertThat(waitingKeys(resolver)).isEmpty();

            resolver.candle(MarketData.on(iwm, LocalDate.of(2025, 4, 25)));
            assertThat(resolver.outcomes()).hasSize(2);
            assertThat(waitingKeys(resolver)).as("ordered at the task's mark, after R")
                    .containsExactly(KeeperProcessor.waitingKey(r + 1, resolver.outcomes().get(1).getPredictionId()));
            assertThat(bullN(resolver)).isEqualTo(1);

            resolver.learnAll();
            assertThat(resolver.contents(ResolverStores.CLOCK).get(ResolverStores.MARK_KEY)).isEqualTo(r + 2);
            assertThat(bullN(resolver)).isEqualTo(2);
            assertThat(waitingKeys(resolver)).isEmpty();
        }
    }

    /**
     * A keeper from before the exclusive watermark stored the order time it had learnt up to,
     * inclusive, under {@code applied}: the upgraded keeper continues from it (what was learnt
     * stays learnt, an outcome at that time is behind it as before), moves it to the new key, and
     * from then on learns only below the smallest mark.
     */
    @Test
    void shouldContinueFromTheLearntUpToTimeAnOlderKeeperStored() {
        try (ResolverDriver resolver = new ResolverDriver(CONFIG.withLearningSources(2), stateDir.resolve("upgrade"))) {
            long t0 = START.toEpochMilli();
            KeyValueStore<String, byte[]> store = resolver.store(ResolverStores.KEEPER_LEARNING);
            store.put(KeeperProcessor.MARK_PREFIX + "0", longBytes(t0 + day(3)));
            store.put(KeeperProcessor.MARK_PREFIX + "1", longBytes(t0 + day(3)));
            store.put(ResolverStores.APPLIED_KEY, longBytes(t0 + day(3)));
            LearningRecord waiting = LearningRecord.outcome(0, t0 + day(3), outcome("p-waiting", "SPY", t0 + day(4), 3.0));
            store.put(KeeperProcessor.waitingKey(waiting.orderTime(), "p-waiting"),
                    LearningRecord.SERDE.serializer().serialize("learning", waiting));

            send(resolver, new Sent(1, "T1", LearningRecord.outcome(1, t0 + day(3),
                    outcome("p-behind", "T1", t0 + day(2), -3.0))), false);
            assertThat(bullN(resolver)).as("at the old keeper's learnt-up-to time: behind, learnt at once").isEqualTo(1);
            Map<String, byte[]> upgraded = resolver.contents(ResolverStores.KEEPER_LEARNING);
            assertThat(upgraded).doesNotContainKey(ResolverStores.APPLIED_KEY);
            assertThat(ByteBuffer.wrap(upgraded.get(ResolverStores.LEARNT_BELOW_KEY)).getLong()).isEqualTo(t0 + day(3) + 1);

            send(resolver, new Sent(0, "", LearningRecord.mark(0, t0 + day(4))), false);
            send(resolver, new Sent(1, "", LearningRecord.mark(1, t0 + day(4))), false);
            assertThat(bullN(resolver)).as("the waiting outcome is at the smallest mark: not yet").isEqualTo(1);
            send(resolver, new Sent(1, "T1", LearningRecord.outcome(1, t0 + day(4),
                    outcome("p-at-mark", "T1", t0 + day(3), -3.0))), false);
            assertThat(bullN(resolver)).as("ordered at the mark, not behind: waits").isEqualTo(1);
            send(resolver, new Sent(0, "", LearningRecord.mark(0, t0 + day(5))), false);
            send(resolver, new Sent(1, "", LearningRecord.mark(1, t0 + day(5))), false);
            assertThat(bullN(resolver)).isEqualTo(3);
            assertThat(waitingKeys(resolver)).isEmpty();
            assertThat(ByteBuffer.wrap(resolver.contents(ResolverStores.KEEPER_LEARNING)
                    .get(ResolverStores.LEARNT_BELOW_KEY)).getLong()).isEqualTo(t0 + day(5));

            resolver.restart();
            send(resolver, new Sent(0, "T0", LearningRecord.outcome(0, t0 + day(5),
                    outcome("p-after-restart", "T0", t0 + day(4), 3.0))), false);
            assertThat(bullN(resolver)).as("after a restart: still waits at the mark").isEqualTo(3);
            send(resolver, new Sent(0, "", LearningRecord.mark(0, t0 + day(6))), false);
            send(resolver, new Sent(1, "", LearningRecord.mark(1, t0 + day(6))), false);
            assertThat(bullN(resolver)).isEqualTo(4);
            assertThat(resolver.contents(ResolverStores.KEEPER_LEARNING)).doesNotContainKey(ResolverStores.APPLIED_KEY);
        }
    }

    private static List<String> waitingKeys(ResolverDriver resolver) {
        return resolver.contents(ResolverStores.KEEPER_LEARNING).keySet().stream()
                .filter(k -> k.startsWith(KeeperProcessor.WAITING_PREFIX)).toList();
    }

    private static <T> List<T> reversed(List<T> list) {
        List<T> out = new ArrayList<>(list);
        java.util.Collections.reverse(out);
        return out;
    }

    private static byte[] longBytes(long value) {
        return ByteBuffer.allocate(Long.BYTES).putLong(value).array();
    }

    private long bullN(ResolverDriver resolver) {
        PatternDefinition last = null;
        for (KeyValue<String, PatternDefinition> kv : resolver.library()) {
            if (kv.key.equals(BULL)) {
                last = kv.value;
            }
        }
        return last == null || last.getStats() == null ? 0 : last.getStats().getN();
    }

    /** What the keeper wrote: every library record and every changelog record, in order. */
    private record Keeper(List<KeyValue<String, PatternDefinition>> library, List<ModelChange> changelog) {
    }

    private Keeper run(String name, List<Sent> sequence, boolean restart, boolean legacy) {
        try (ResolverDriver resolver = new ResolverDriver(CONFIG, stateDir.resolve(name))) {
            for (int i = 0; i < sequence.size(); i++) {
                if (restart && i == sequence.size() / 2) {
                    resolver.restart();
                }
                send(resolver, sequence.get(i), legacy);
            }
            for (int source = 0; source < SOURCES; source++) {
                send(resolver, new Sent(source, "", LearningRecord.mark(source, FAR)), legacy);
            }
            return new Keeper(resolver.library(), resolver.changelog());
        }
    }

    private static void send(ResolverDriver resolver, Sent sent, boolean legacy) {
        LearningRecord r = sent.record();
        if (legacy) {
            if (r.outcome() != null) {
                resolver.learning(sent.key(), Topics.OUTCOMES.valueSerde().serializer().serialize("learning", r.outcome()),
                        r.orderTime());
            }
            return;
        }
        resolver.learning(sent.key(), LearningRecord.SERDE.serializer().serialize("learning", r), r.orderTime());
    }

    /**
     * Each task: a first mark, then outcomes a day apart (tasks offset by hours, two of them at
     * the same time to exercise the prediction-id tie-break), each followed by the task's mark.
     * Returns mostly below the hit threshold, so BULL (an UP pattern) is degraded on the way.
     */
    private static List<List<Sent>> tasks() {
        Random random = new Random(42);
        List<List<Sent>> tasks = new ArrayList<>();
        for (int source = 0; source < SOURCES; source++) {
            List<Sent> sent = new ArrayList<>();
            long mark = START.toEpochMilli();
            sent.add(new Sent(source, "", LearningRecord.mark(source, mark)));
            for (int i = 0; i < PER_SOURCE; i++) {
                long time = START.toEpochMilli() + day(i + 1) + Duration.ofHours(source == 2 ? 0 : source).toMillis();
                String ticker = "T" + source;
                double ret = Math.round((random.nextDouble() * 5 - 3.5) * 1000) / 1000.0;
                sent.add(new Sent(source, ticker, LearningRecord.outcome(source, mark,
                        outcome("pred-" + source + "-" + i, ticker, time, ret))));
                mark = time;
                sent.add(new Sent(source, "", LearningRecord.mark(source, mark)));
            }
            tasks.add(sent);
        }
        return tasks;
    }

    private static List<Sent> partitionAfterPartition(List<List<Sent>> tasks) {
        List<Sent> out = new ArrayList<>();
        tasks.forEach(out::addAll);
        return out;
    }

    /** A random merge that keeps each task's own order (one partition per task on its way to the keeper). */
    private static List<Sent> shuffle(List<List<Sent>> tasks, long seed) {
        Random random = new Random(seed);
        List<Sent> out = new ArrayList<>();
        int[] next = new int[tasks.size()];
        while (true) {
            List<Integer> open = new ArrayList<>();
            for (int i = 0; i < tasks.size(); i++) {
                if (next[i] < tasks.get(i).size()) {
                    open.add(i);
                }
            }
            if (open.isEmpty()) {
                return out;
            }
            int pick = open.get(random.nextInt(open.size()));
            out.add(tasks.get(pick).get(next[pick]++));
        }
    }

    private static long learnt(Keeper keeper, String pattern) {
        long n = 0;
        for (KeyValue<String, PatternDefinition> kv : keeper.library()) {
            if (kv.key.equals(pattern) && kv.value != null && kv.value.getStats() != null) {
                n = kv.value.getStats().getN();
            }
        }
        return n;
    }

    private static long day(int days) {
        return Duration.ofDays(days).toMillis();
    }

    private static Outcome outcome(String id, String ticker, long resolved, double ret) {
        return Outcome.newBuilder().setPredictionId(id).setTicker(ticker).setDirection(Direction.UP).setHorizonDays(5)
                .setPredictionTime(Instant.ofEpochMilli(resolved).minus(Duration.ofDays(7)))
                .setResolvedTime(Instant.ofEpochMilli(resolved)).setStatus(OutcomeStatus.RESOLVED)
                .setEntryPrice(100.0).setExitPrice(100.0 + ret).setReturnPct(ret).setMfePct(Math.max(ret, 0) + 0.5)
                .setMaePct(Math.min(ret, 0) - 0.5).setTimeToPeakDays(1).setHit(ret >= 2).setAction(OutcomeAction.SKIPPED)
                .setLibraryVersion(1).setMatchedPatterns(List.of(TestRecords.match(BULL, 1, Direction.UP),
                        TestRecords.match(BEAR, 1, Direction.DOWN)))
                .build();
    }
}
