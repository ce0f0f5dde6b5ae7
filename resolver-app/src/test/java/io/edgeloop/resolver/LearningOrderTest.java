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
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
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
            assertThat(bullN(resolver)).as("both tasks at or after it").isEqualTo(1);
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
