package io.edgeloop.resolver;

import io.edgeloop.core.library.Change;
import io.edgeloop.core.library.ChangeRecord;
import io.edgeloop.core.library.Decision;
import io.edgeloop.core.library.EntryDiff;
import io.edgeloop.core.library.InvalidReason;
import io.edgeloop.core.library.Keeper;
import io.edgeloop.core.library.KeeperState;
import io.edgeloop.core.library.LibraryEntry;
import io.edgeloop.core.library.PatternLibrary;
import io.edgeloop.core.library.PatternStatus;
import io.edgeloop.core.library.PayloadValidator;
import io.edgeloop.core.rules.PatternDefinition;
import io.edgeloop.core.rules.Problem;
import io.edgeloop.core.rules.SeedPatterns;
import io.edgeloop.core.stats.AutoDegrade;
import io.edgeloop.core.stats.BetaPrior;
import io.edgeloop.core.stats.DegradeDecision;
import io.edgeloop.core.stats.Observation;
import io.edgeloop.schemas.avro.ApprovalDecision;
import io.edgeloop.schemas.avro.ChangeKind;
import io.edgeloop.schemas.avro.ChangeStatus;
import io.edgeloop.schemas.avro.ModelChange;
import io.edgeloop.schemas.avro.Outcome;
import io.edgeloop.schemas.avro.OutcomeStatus;
import io.edgeloop.schemas.avro.PatternMatch;
import io.edgeloop.schemas.mapping.PatternMapping;
import io.edgeloop.schemas.topics.Topics;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.processor.Cancellable;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.ContextualProcessor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * The keeper: the single writer of {@code pattern-library}, and the fast loop. It runs in one
 * task (the governance topics and the learning topic have one partition) around core's
 * {@link Keeper}, which decides every request; this class only translates records and keeps
 * the state.
 *
 * <ul>
 *   <li>Proposals: PROPOSED records of {@code model-changelog} that the keeper did not write
 *       itself (its records carry the header {@value #WRITER_HEADER}); a proposal that cannot be
 *       a change, or whose rule fails core's validator, is answered INVALID at once.</li>
 *   <li>Decisions from {@code approvals}: approve, reject, rollback (to a named library
 *       version). Every decision is answered on the changelog: APPLIED (with versions and the
 *       pattern before and after), REJECTED, INVALID (the change is wrong for the library), or a
 *       refusal that changes nothing (unknown, already decided, anonymous: the reason goes in
 *       {@code statusReason}). An approval or rejection of an id not yet proposed may simply have
 *       been read before its proposal (another partition): it is kept (bounded,
 *       {@value #MAX_PARKED}) in the state store and made when the proposal arrives.</li>
 *   <li>Resolved outcomes, in event-time order across the outcome tasks (held until every
 *       reporting task's progress mark has passed them, see {@link #onLearning}): each matched
 *       pattern's statistics in its own direction
 *       ({@link PatternCredit}); the pattern is republished with its new statistics <b>without</b>
 *       a new library version (statistics are evidence, not configuration: a version is a set of
 *       rules and statuses, and a rollback restores those, never the evidence). An ACTIVE
 *       pattern whose evidence meets the auto-degrade rule is degraded through
 *       {@link Keeper#autoApply}, which does make a version, and an AUTO_APPLIED change is
 *       written with the evidence. Only the outcomes after the pattern's baseline are judged: an
 *       operator who makes the pattern ACTIVE again with its rule unchanged (a PROMOTE, or a
 *       rollback) sets the baseline ({@link PatternTrack}), so the decision holds until new
 *       evidence is against it.</li>
 *   <li>Seeding: an empty library gets core's 17 seed patterns as version 1 (origin SEED), on
 *       the first record or {@code seedDelay} after start, whichever comes first.</li>
 * </ul>
 * Statistics count only outcomes of the pattern's current rule: a match recorded against a
 * revision whose rule or direction differs from the current one is not credited, and a rule
 * change (or a rollback to another rule) starts the pattern's statistics afresh.
 *
 * <p>State: the keeper is kept in memory and persisted incrementally, one store record per
 * library version and per change ({@link KeeperStateCodec}); it is reloaded from the store after
 * a restart or a failure.
 */
final class KeeperProcessor extends ContextualProcessor<String, KeeperInput, String, KeeperOutput> {

    /** Header on every changelog record the keeper writes, so it never acts on its own output. */
    static final String WRITER_HEADER = "edgeloop.writer";
    static final String WRITER = "resolver-keeper";
    /** Change id of the seed set (version 1). */
    static final String SEED_CHANGE_ID = "seed-library-v1";
    static final String SEED_ORIGIN = "core-seed-patterns";
    static final String META_KEY = "meta";
    static final String WAITING_PREFIX = "o/";
    static final String MARK_PREFIX = "m/";
    /** Key prefix (in the keeper's state store) of a decision that came before its proposal. */
    static final String PARKED_PREFIX = "p/";
    /** How many decisions for ids not yet proposed the keeper keeps; beyond it they are only refused. */
    static final int MAX_PARKED = 1000;
    private static final StringSerializer KEYS = new StringSerializer();

    private static final Logger LOG = LoggerFactory.getLogger(KeeperProcessor.class);
    private static final Set<InvalidReason> REQUEST_REFUSALS = EnumSet.of(InvalidReason.UNKNOWN_CHANGE,
            InvalidReason.ALREADY_DECIDED, InvalidReason.DUPLICATE_CHANGE_ID, InvalidReason.ANONYMOUS_ACTOR,
            InvalidReason.NOT_PROPOSABLE, InvalidReason.NOT_AUTO_APPLICABLE, InvalidReason.LIBRARY_NOT_EMPTY);
    /** Core's rule validator, as the keeper's payload validator. */
    static final PayloadValidator<PatternDefinition> VALIDATOR = pattern -> {
        List<Problem> problems = pattern.validate();
        return problems.isEmpty() ? Optional.empty()
                : Optional.of(problems.stream().map(Problem::toString).collect(Collectors.joining("; ")));
    };

    private final LearningConfig learning;
    private final BetaPrior prior;
    private final AutoDegrade policy;
    private final Duration seedDelay;
    private final int sources;
    private final Duration learningIdle;
    /** Wall-clock time of each outcome task's last learning record, since this keeper started. */
    private final Map<Integer, Long> heard = new HashMap<>();
    /** Mirror of the learning store's progress marks; null until read after a start. */
    private Map<Integer, Long> marks;
    /** The waiting outcomes of {@link ResolverStores#KEEPER_LEARNING} by key, mirrored once per task start. */
    private NavigableMap<String, byte[]> waiting;
    /** Mirror of {@link ResolverStores#LEARNT_BELOW_KEY}; null until read after a start. */
    private Long learntBelow;
    private long startedAt;
    private KeyValueStore<String, byte[]> state;
    private KeyValueStore<String, ModelChange> changelog;
    private KeyValueStore<String, io.edgeloop.schemas.avro.PatternDefinition> library;
    private KeyValueStore<String, byte[]> stats;
    private KeyValueStore<String, byte[]> learningBuffer;
    private Keeper<PatternDefinition> keeper;
    private long persistedVersions;
    private long nextSeq;
    private Cancellable seeding;
    /** How many decisions are parked, counted from the state store once per task start; null until then. */
    private Integer parked;

    KeeperProcessor(ResolverConfig config) {
        this.learning = config.learning();
        this.prior = new BetaPrior(learning.priorAlpha(), learning.priorBeta());
        this.policy = new AutoDegrade(learning.degradeMinN(), learning.degradeFloor(), learning.degradeConfidence(),
                prior);
        this.seedDelay = config.seedDelay();
        this.sources = config.learningSources();
        this.learningIdle = config.learningIdle();
    }

    @Override
    public void init(ProcessorContext<String, KeeperOutput> context) {
        super.init(context);
        if (context.taskId().partition() != 0) {
            throw new IllegalStateException("the keeper must run in a single task, but got task " + context.taskId()
                    + ": model-changelog, approvals and the learning topic must have exactly one partition");
        }
        state = context.getStateStore(ResolverStores.KEEPER_STATE.name());
        changelog = context.getStateStore(ResolverStores.KEEPER_CHANGELOG.name());
        library = context.getStateStore(ResolverStores.KEEPER_LIBRARY.name());
        stats = context.getStateStore(ResolverStores.PATTERN_STATS.name());
        learningBuffer = context.getStateStore(ResolverStores.KEEPER_LEARNING.name());
        keeper = null;
        parked = null;
        marks = null;
        waiting = null;
        learntBelow = null;
        seeding = context.schedule(seedDelay, PunctuationType.WALL_CLOCK_TIME, this::seedIfEmpty);
        heard.clear();
        startedAt = context.currentSystemTimeMs();
        if (!learningIdle.isZero()) {
            Duration every = learningIdle.compareTo(Duration.ofMinutes(1)) < 0 ? learningIdle
                    : Duration.ofMinutes(1);
            context.schedule(every, PunctuationType.WALL_CLOCK_TIME, this::releaseIdle);
        }
    }

    @Override
    public void process(Record<String, KeeperInput> record) {
        try {
            seedIfEmpty(record.timestamp());
            KeeperInput input = record.value();
            if (input instanceof KeeperInput.Proposal p) {
                if (record.headers().lastHeader(WRITER_HEADER) == null) {
                    onProposal(p.change(), record.timestamp());
                }
            } else if (input instanceof KeeperInput.Approval a) {
                onApproval(a.decision());
            } else if (input instanceof KeeperInput.Learning l) {
                onLearning(l.record());
            }
        } catch (RuntimeException e) {
            keeper = null;
            throw e;
        }
    }

    private void seedIfEmpty(long time) {
        if (seeding == null) {
            return;
        }
        Keeper<PatternDefinition> k = keeper();
        if (k.history().isEmpty()) {
            Map<String, PatternDefinition> seeds = new TreeMap<>();
            for (PatternDefinition seed : SeedPatterns.all()) {
                seeds.put(seed.id(), ChangeMapping.payload(seed));
            }
            Decision<PatternDefinition> d = k.seed(SEED_CHANGE_ID, seeds, SEED_ORIGIN);
            persist(SEED_CHANGE_ID);
            if (d.applied()) {
                publishDiff(d.diff(), d.versionAfter(), time);
                LOG.info("seeded the empty pattern library with {} patterns as version 1", seeds.size());
            } else {
                LOG.error("seeding the pattern library was refused: {}", d.reason());
            }
        }
        seeding.cancel();
        seeding = null;
    }

    private void onProposal(ModelChange mc, long time) {
        if (mc.getStatus() != ChangeStatus.PROPOSED) {
            return;
        }
        Instant at = Instant.ofEpochMilli(time);
        String id = mc.getId();
        ModelChange view = changelog.get(id);
        boolean refusedDecision = refusedDecision(view);
        if (refusedDecision) {
            // The keeper's own answer to a decision on an id nobody had proposed yet: the id is free.
            view = null;
        }
        boolean alert = mc.getKind() == ChangeKind.REGIME_ALERT;
        if (view != null && alert != (view.getKind() == ChangeKind.REGIME_ALERT)) {
            // A regime alert and a library change never share an id, whichever came first.
            answer(ChangeAnswers.refusedProposal(view, mc, "change id " + id + " is taken", at));
            return;
        }
        if (alert) {
            if (view == null) {
                accepted(mc, refusedDecision, at);
            } else if (!view.equals(mc)) {
                answer(ChangeAnswers.refusedProposal(view, mc, "change id " + id + " is taken", at));
            }
            return;
        }
        Change<PatternDefinition> change;
        try {
            change = ChangeMapping.toChange(mc);
        } catch (IllegalArgumentException e) {
            answer(view != null ? ChangeAnswers.refusedProposal(view, mc, e.getMessage(), at)
                    : ChangeAnswers.invalidProposal(mc, e.getMessage(), at));
            return;
        }
        boolean known = keeper().change(id).isPresent();
        Decision<PatternDefinition> d = keeper().propose(change);
        persist(id);
        if (d.type() == io.edgeloop.core.library.DecisionType.PROPOSED) {
            if (!known) {
                accepted(mc, refusedDecision, at);
            }
        } else if (!REQUEST_REFUSALS.contains(d.invalidReason()) || view == null) {
            answer(ChangeAnswers.invalidProposal(mc, d.reason(), at));
        } else {
            answer(ChangeAnswers.refusedProposal(view, mc, d.reason(), at));
        }
    }

    /**
     * A new proposal taken: it becomes the id's view. A decision that came before it (parked) is
     * decided now, if it was made at or after the proposal's time (an operator decides a proposal
     * that exists; one made before it was proposed is stale, about another use of the id, and is
     * dropped with a log line); else, when the keeper had answered a decision on the id as
     * unknown, the proposal is acknowledged on the changelog so the compacted topic does not keep
     * that answer. A refused proposal leaves a parked decision parked.
     */
    private void accepted(ModelChange mc, boolean refusedDecision, Instant at) {
        changelog.put(mc.getId(), mc);
        ApprovalDecision waiting = unpark(mc.getId());
        if (waiting != null && waiting.getDecidedAt().isBefore(mc.getProposedAt())) {
            LOG.warn("decision {} of {} by {} was made at {}, before the change was proposed at {}: not applied",
                    waiting.getAction(), mc.getId(), waiting.getActor(), waiting.getDecidedAt(), mc.getProposedAt());
            waiting = null;
        }
        if (waiting != null) {
            LOG.info("decision {} of {} by {} came before the proposal: decided now", waiting.getAction(),
                    mc.getId(), waiting.getActor());
            onApproval(waiting);
        } else if (refusedDecision) {
            answer(ModelChange.newBuilder(mc).setUpdatedAt(at).build());
        }
    }

    /** True when the view is the keeper's answer to a decision on an id it holds no change for. */
    private boolean refusedDecision(ModelChange view) {
        return view != null && view.getKind() != ChangeKind.REGIME_ALERT && view.getStatus() == ChangeStatus.INVALID
                && view.getDecision() != null && keeper().change(view.getId()).isEmpty();
    }

    /** Keeps a decision on an id nobody has proposed yet, unless one is kept for it already or the keeper holds too many. */
    private boolean park(ApprovalDecision a) {
        String key = PARKED_PREFIX + a.getChangeId();
        if (state.get(key) != null) {
            return false;
        }
        if (parked() >= MAX_PARKED) {
            LOG.warn("{} decisions wait for their proposals; decision {} of {} is not kept", MAX_PARKED,
                    a.getAction(), a.getChangeId());
            return false;
        }
        state.put(key, Topics.APPROVALS.valueSerde().serializer().serialize(Topics.APPROVALS.name(), a));
        parked++;
        return true;
    }

    /** Takes the decision parked for an id out of the store; null when there is none. */
    private ApprovalDecision unpark(String id) {
        String key = PARKED_PREFIX + id;
        byte[] bytes = state.get(key);
        if (bytes == null) {
            return null;
        }
        parked();
        state.delete(key);
        parked--;
        return Topics.APPROVALS.valueSerde().deserializer().deserialize(Topics.APPROVALS.name(), bytes);
    }

    private int parked() {
        if (parked == null) {
            int count = 0;
            try (KeyValueIterator<String, byte[]> it = state.prefixScan(PARKED_PREFIX, KEYS)) {
                while (it.hasNext()) {
                    it.next();
                    count++;
                }
            }
            parked = count;
        }
        return parked;
    }

    private void onApproval(ApprovalDecision a) {
        String id = a.getChangeId();
        ModelChange view = changelog.get(id);
        if (view != null && view.getKind() == ChangeKind.REGIME_ALERT) {
            acknowledge(view, a);
            return;
        }
        Keeper<PatternDefinition> k = keeper();
        boolean pendingBefore = k.change(id).filter(r -> !r.decided()).isPresent();
        Decision<PatternDefinition> d;
        switch (a.getAction()) {
            case APPROVE:
                d = k.approve(id, a.getActor(), a.getReason());
                break;
            case REJECT:
                d = k.reject(id, a.getActor(), a.getReason());
                break;
            default:
                if (a.getTargetLibraryVersion() == null) {
                    refuse(view, a, "a rollback decision needs targetLibraryVersion");
                    return;
                }
                d = k.rollback(id, a.getTargetLibraryVersion(), a.getActor(), a.getReason());
        }
        persist(id);
        ModelChange base = base(view, pendingBefore, a);
        switch (d.type()) {
            case APPLIED:
                applied(base, a, d);
                break;
            case REJECTED:
                answer(ChangeAnswers.rejected(base, a));
                break;
            case INVALID:
                if (d.invalidReason() == InvalidReason.UNKNOWN_CHANGE && park(a)) {
                    refuse(view, a, d.reason() + "; the decision is kept and made when the proposal arrives");
                } else if (REQUEST_REFUSALS.contains(d.invalidReason())) {
                    refuse(view, a, d.reason());
                } else {
                    answer(ChangeAnswers.invalid(base, a, d.reason()));
                }
                break;
            default:
                LOG.warn("keeper answered {} to decision {} on {}", d.type(), a.getAction(), id);
        }
    }

    /**
     * The record an approval's answer is built from: the proposal's view while the keeper held the
     * change pending; for a rollback request that names no pending proposal, the request itself
     * (the view is then an earlier refusal under the same id, and never describes this rollback).
     */
    private static ModelChange base(ModelChange view, boolean pendingBefore, ApprovalDecision a) {
        if (view != null && (pendingBefore || a.getAction() != io.edgeloop.schemas.avro.ApprovalAction.ROLLBACK)) {
            return view;
        }
        return ChangeAnswers.rollbackRequest(a);
    }

    private void applied(ModelChange base, ApprovalDecision a, Decision<PatternDefinition> d) {
        long time = a.getDecidedAt().toEpochMilli();
        Map<String, io.edgeloop.schemas.avro.PatternDefinition> before = new HashMap<>();
        for (EntryDiff<PatternDefinition> diff : d.diff()) {
            before.put(diff.patternId(), library.get(diff.patternId()));
        }
        Map<String, io.edgeloop.schemas.avro.PatternDefinition> after = publishDiff(d.diff(), d.versionAfter(), time);
        String patternId = base.getPatternId();
        boolean single = patternId != null && d.diff().size() == 1 && d.diff().get(0).patternId().equals(patternId);
        answer(ChangeAnswers.applied(base, a, d.versionBefore(), d.versionAfter(),
                single ? before.get(patternId) : null, single ? after.get(patternId) : null));
        Change<PatternDefinition> change = keeper().change(d.changeId()).orElseThrow().change();
        if (change.kind() == io.edgeloop.core.library.ChangeKind.ROLLBACK) {
            markRolledBack(change.changeId(), change.targetVersion(), d.versionAfter(), a.getDecidedAt());
        }
        LOG.info("library version {}: {} {} approved by {}", d.versionAfter(), base.getKind(), base.getId(),
                a.getActor());
    }

    /**
     * Brings the changelog's statuses in line with the library after a rollback to {@code target}
     * made {@code version}. The changes live in a version are those that made a version of its
     * line ({@link Keeper#line}). Every applied change outside the restored line becomes ROLLED_BACK; every ROLLED_BACK change inside it (brought back by a
     * rollback of a rollback) is APPLIED (AUTO_APPLIED for the fast loop's) again.
     */
    private void markRolledBack(String rollbackId, long target, long version, Instant at) {
        Set<Long> live = keeper().line(version);
        List<ModelChange> answers = new ArrayList<>();
        try (KeyValueIterator<String, ModelChange> it = changelog.all()) {
            while (it.hasNext()) {
                ModelChange mc = it.next().value;
                Optional<ChangeRecord<PatternDefinition>> record = mc.getKind() == ChangeKind.REGIME_ALERT
                        ? Optional.empty() : keeper().change(mc.getId());
                if (mc.getId().equals(rollbackId) || record.isEmpty()
                        || record.get().status() != io.edgeloop.core.library.ChangeStatus.APPLIED) {
                    continue;
                }
                boolean isLive = live.contains(record.get().appliedVersion());
                boolean applied = mc.getStatus() == ChangeStatus.APPLIED || mc.getStatus() == ChangeStatus.AUTO_APPLIED;
                if (applied && !isLive) {
                    answers.add(ChangeAnswers.rolledBack(mc, rollbackId, target, version, at));
                } else if (mc.getStatus() == ChangeStatus.ROLLED_BACK && isLive) {
                    answers.add(ChangeAnswers.reapplied(mc, record.get().autoApplied(), rollbackId, target, version,
                            at));
                }
            }
        }
        answers.forEach(this::answer);
    }

    private void acknowledge(ModelChange alert, ApprovalDecision a) {
        if (alert.getStatus() != ChangeStatus.PROPOSED) {
            refuse(alert, a, "alert " + alert.getId() + " was already " + alert.getStatus());
        } else if (Keeper.anonymous(a.getActor())) {
            refuse(alert, a, "approvals must name an actor");
        } else if (a.getAction() == io.edgeloop.schemas.avro.ApprovalAction.ROLLBACK) {
            refuse(alert, a, "a regime alert cannot be rolled back");
        } else {
            answer(ChangeAnswers.acknowledged(alert, a, keeper().current().version()));
        }
    }

    private void refuse(ModelChange view, ApprovalDecision a, String reason) {
        answer(view != null ? ChangeAnswers.refused(view, a, reason) : ChangeAnswers.unknown(a, reason));
    }

    /**
     * Learning in order: an outcome waits in {@link ResolverStores#KEEPER_LEARNING} until every
     * outcome task has a progress mark after its order time (a task's mark promises only that its
     * later outcomes are ordered at or after it, so one ordered exactly at the smallest mark may
     * still come); then the waiting outcomes below the smallest mark are learnt in (order time,
     * prediction id) order. The keeper's state is then the same whatever the interleaving of the
     * tasks on the learning topic. An outcome below what was already learnt (from a task that was
     * not waited for: released as idle, or not yet known when everything was released) is learnt
     * at once; so is one in the format before marks.
     */
    private void onLearning(LearningRecord r) {
        if (r.legacy()) {
            onOutcome(r.outcome());
            return;
        }
        heard.put(r.source(), context().currentSystemTimeMs());
        long below = learntBelow();
        if (r.outcome() != null) {
            if (r.orderTime() < below) {
                LOG.warn("outcome of {} from partition {} ordered at {} is behind what was learnt (everything before {}):"
                                + " learnt now", r.outcome().getPredictionId(), r.source(),
                        Instant.ofEpochMilli(r.orderTime()), Instant.ofEpochMilli(below));
                onOutcome(r.outcome());
            } else {
                String key = waitingKey(r.orderTime(), r.outcome().getPredictionId());
                byte[] bytes = LearningRecord.SERDE.serializer().serialize(null, r);
                learningBuffer.put(key, bytes);
                waiting().put(key, bytes);
            }
        }
        Long old = marks().get(r.source());
        if (old == null || old < r.mark()) {
            learningBuffer.put(MARK_PREFIX + r.source(), bytesOf(r.mark()));
            marks.put(r.source(), r.mark());
        }
        learnDue();
    }

    /**
     * Learns, in order, every waiting outcome ordered before the watermark ({@link #watermark}),
     * or every waiting outcome when no task holds learning back, and records the order time
     * learnt below.
     */
    private void learnDue() {
        long below = learntBelow();
        long watermark = watermark();
        if (watermark <= below) {
            return;
        }
        boolean all = watermark == Long.MAX_VALUE;
        Map<String, byte[]> due = all ? waiting() : waiting().headMap(WAITING_PREFIX + orderHex(watermark), false);
        long last = Long.MIN_VALUE;
        for (Iterator<Map.Entry<String, byte[]>> it = due.entrySet().iterator(); it.hasNext(); ) {
            Map.Entry<String, byte[]> next = it.next();
            learningBuffer.delete(next.getKey());
            it.remove();
            LearningRecord r = LearningRecord.SERDE.deserializer().deserialize(null, next.getValue());
            onOutcome(r.outcome());
            last = Math.max(last, r.orderTime());
        }
        long upTo = !all ? watermark : last == Long.MIN_VALUE ? below : Math.max(below, after(last));
        if (upTo > below) {
            learningBuffer.put(ResolverStores.LEARNT_BELOW_KEY, bytesOf(upTo));
            this.learntBelow = upTo;
        }
    }

    /**
     * The smallest progress mark of the outcome tasks that hold learning back: every task of
     * {@code learningSources} and every task that has reported, except those that have sent
     * nothing for {@code learningIdle} of wall-clock time (since the keeper started, or since their
     * last record). {@code Long.MIN_VALUE} while one of them has not reported; {@code Long.MAX_VALUE}
     * when none holds learning back.
     */
    private long watermark() {
        Map<Integer, Long> marks = marks();
        Set<Integer> tasks = new TreeSet<>(marks.keySet());
        for (int p = 0; p < sources; p++) {
            tasks.add(p);
        }
        long now = context().currentSystemTimeMs();
        long watermark = Long.MAX_VALUE;
        for (int task : tasks) {
            boolean idle = !learningIdle.isZero()
                    && now - heard.getOrDefault(task, startedAt) >= learningIdle.toMillis();
            if (idle) {
                continue;
            }
            Long mark = marks.get(task);
            if (mark == null) {
                return Long.MIN_VALUE;
            }
            watermark = Math.min(watermark, mark);
        }
        return watermark;
    }

    /** Wall-clock check of {@code learningIdle}: learns what a task that went silent was holding back. */
    private void releaseIdle(long wallTime) {
        try {
            learnDue();
        } catch (RuntimeException e) {
            keeper = null;
            throw e;
        }
    }

    /**
     * The order time below which every outcome was learnt ({@code Long.MIN_VALUE} before the
     * first). A keeper from before {@link ResolverStores#LEARNT_BELOW_KEY} stored the order time
     * it had learnt up to, inclusive, under {@link ResolverStores#APPLIED_KEY}: that is moved, once,
     * to the new key as the next millisecond (everything up to {@code t} is everything below
     * {@code t + 1}).
     */
    private long learntBelow() {
        if (learntBelow == null) {
            byte[] stored = learningBuffer.get(ResolverStores.LEARNT_BELOW_KEY);
            if (stored != null) {
                learntBelow = longOf(stored);
            } else {
                byte[] legacy = learningBuffer.get(ResolverStores.APPLIED_KEY);
                learntBelow = legacy == null ? Long.MIN_VALUE : after(longOf(legacy));
                if (legacy != null) {
                    learningBuffer.put(ResolverStores.LEARNT_BELOW_KEY, bytesOf(learntBelow));
                    learningBuffer.delete(ResolverStores.APPLIED_KEY);
                    LOG.info("learning store upgraded: learnt up to {} inclusive, now recorded as everything before {}",
                            Instant.ofEpochMilli(longOf(legacy)), Instant.ofEpochMilli(learntBelow));
                }
            }
        }
        return learntBelow;
    }

    /** The next millisecond, {@code Long.MAX_VALUE} staying there. */
    static long after(long time) {
        return time == Long.MAX_VALUE ? time : time + 1;
    }

    /** Each outcome task's last progress mark, read from the learning store once per task start. */
    private Map<Integer, Long> marks() {
        if (marks == null) {
            marks = new TreeMap<>();
            try (KeyValueIterator<String, byte[]> it = learningBuffer.prefixScan(MARK_PREFIX, KEYS)) {
                it.forEachRemaining(kv -> marks.put(Integer.parseInt(kv.key.substring(MARK_PREFIX.length())),
                        longOf(kv.value)));
            }
        }
        return marks;
    }

    /**
     * The outcomes waiting to be learnt, read from the learning store once per task start (a scan
     * of the store from its first waiting key would step over every learnt outcome's tombstone
     * each time the watermark moves), in key order: (order time, prediction id).
     */
    private NavigableMap<String, byte[]> waiting() {
        if (waiting == null) {
            waiting = new TreeMap<>();
            try (KeyValueIterator<String, byte[]> it = learningBuffer.prefixScan(WAITING_PREFIX, KEYS)) {
                it.forEachRemaining(kv -> waiting.put(kv.key, kv.value));
            }
        }
        return waiting;
    }

    /** Key of a waiting outcome: its order time (hex, sorting as the signed time) then its prediction id. */
    static String waitingKey(long orderTime, String predictionId) {
        return WAITING_PREFIX + orderHex(orderTime) + "/" + predictionId;
    }

    private static String orderHex(long time) {
        return String.format(Locale.ROOT, "%016x", time ^ Long.MIN_VALUE);
    }

    private static byte[] bytesOf(long value) {
        return ByteBuffer.allocate(Long.BYTES).putLong(value).array();
    }

    private static long longOf(byte[] bytes) {
        return ByteBuffer.wrap(bytes).getLong();
    }

    private void onOutcome(Outcome outcome) {
        if (outcome.getStatus() != OutcomeStatus.RESOLVED || outcome.getExitPrice() == null) {
            return;
        }
        Instant at = outcome.getResolvedTime();
        for (PatternMatch match : outcome.getMatchedPatterns()) {
            String id = match.getPatternId();
            LibraryEntry<PatternDefinition> entry = keeper().current().entries().get(id);
            if (entry == null || !currentRule(entry, match.getVersion())) {
                LOG.debug("outcome of {} not credited to {} revision {}: not in the library with that rule",
                        outcome.getPredictionId(), id, match.getVersion());
                continue;
            }
            Observation o = PatternCredit.observe(outcome, entry.pattern().direction(), learning.hitThresholdPct());
            PatternTrack track = PatternTrack.fromBytes(stats.get(id)).plus(o, at);
            stats.put(id, track.toBytes());
            if (entry.status() == PatternStatus.ACTIVE) {
                DegradeDecision decision = policy.decide(track.judgedHits(), track.judgedN());
                if (decision.degrade() && autoDegrade(entry, track, decision, at)) {
                    continue;
                }
            }
            publish(entry, publishedVersion(id), at.toEpochMilli());
        }
    }

    private boolean autoDegrade(LibraryEntry<PatternDefinition> entry, PatternTrack track, DegradeDecision decision,
                                Instant at) {
        String id = entry.id();
        String changeId = autoDegradeId(id, keeper().current().version(), entry.version(), decision.n());
        io.edgeloop.schemas.avro.PatternDefinition before = PatternMapping.toAvro(
                ChangeMapping.published(entry, track.stats()), publishedVersion(id), prior, learning.intervalLevel(),
                track.updatedAt());
        Decision<PatternDefinition> d = keeper().autoApply(Change.degrade(changeId, id, ChangeAnswers.FAST_LOOP,
                decision.reason()));
        persist(changeId);
        if (!d.applied()) {
            LOG.warn("auto-degrade of {} was refused: {}", id, d.reason());
            return false;
        }
        Map<String, io.edgeloop.schemas.avro.PatternDefinition> after =
                publishDiff(d.diff(), d.versionAfter(), at.toEpochMilli());
        answer(ChangeAnswers.autoDegrade(changeId, before, after.get(id), decision, track.baselineN(),
                d.versionBefore(), d.versionAfter(), at));
        LOG.info("library version {}: {} auto-degraded ({})", d.versionAfter(), id, decision.reason());
        return true;
    }

    /**
     * The id of an auto-degrade: the pattern, the library version it degrades, the pattern's
     * revision and the n judged. Deterministic, and unique: every applied auto-degrade makes a new
     * library version, and at one library version a pattern's n only grows (statistics are reset
     * only by an applied change, which makes a new version).
     */
    static String autoDegradeId(String patternId, long libraryVersion, long revision, long n) {
        return String.format(Locale.ROOT, "auto-degrade-%s-v%d-r%d-n%d", patternId, libraryVersion, revision, n);
    }

    /** True when the matched revision has the current entry's rule and direction. */
    private boolean currentRule(LibraryEntry<PatternDefinition> entry, int revision) {
        if (revision == entry.version()) {
            return true;
        }
        return keeper().version(revision).flatMap(l -> l.entry(entry.id()))
                .filter(then -> then.version() == revision)
                .map(then -> sameBasis(then.pattern(), entry.pattern()))
                .orElse(false);
    }

    private static boolean sameBasis(PatternDefinition a, PatternDefinition b) {
        return a.rule().equals(b.rule()) && a.direction() == b.direction();
    }

    /** Publishes every changed pattern of an applied change at its library version; returns what was published. */
    private Map<String, io.edgeloop.schemas.avro.PatternDefinition> publishDiff(List<EntryDiff<PatternDefinition>> diff,
                                                                             long version, long time) {
        Map<String, io.edgeloop.schemas.avro.PatternDefinition> out = new HashMap<>();
        for (EntryDiff<PatternDefinition> d : diff) {
            String id = d.patternId();
            if (d.after() == null) {
                library.delete(id);
                stats.delete(id);
                context().forward(new Record<>(id, new KeeperOutput.LibraryUpdate(id, null), time));
                continue;
            }
            if (d.before() != null && !sameBasis(d.before().pattern(), d.after().pattern())) {
                stats.delete(id);
            } else if (d.before() != null && d.before().status() != PatternStatus.ACTIVE
                    && d.after().status() == PatternStatus.ACTIVE) {
                rebase(id);
            }
            out.put(id, publish(d.after(), version, time));
        }
        return out;
    }

    /**
     * A pattern made ACTIVE again with its rule unchanged (only an operator's change does that: a
     * PROMOTE, or a rollback): auto-degrade judges only the outcomes from now on.
     */
    private void rebase(String patternId) {
        PatternTrack track = PatternTrack.fromBytes(stats.get(patternId));
        if (track.judgedN() > 0) {
            stats.put(patternId, track.rebased().toBytes());
        }
    }

    private io.edgeloop.schemas.avro.PatternDefinition publish(LibraryEntry<PatternDefinition> entry, long version,
                                                             long time) {
        PatternTrack track = PatternTrack.fromBytes(stats.get(entry.id()));
        io.edgeloop.schemas.avro.PatternDefinition record = PatternMapping.toAvro(
                ChangeMapping.published(entry, track.stats()), version, prior, learning.intervalLevel(),
                track.updatedAt());
        library.put(entry.id(), record);
        context().forward(new Record<>(entry.id(), new KeeperOutput.LibraryUpdate(entry.id(), record), time));
        return record;
    }

    /** The library version the pattern's current revision was published in. */
    private long publishedVersion(String patternId) {
        io.edgeloop.schemas.avro.PatternDefinition current = library.get(patternId);
        return current != null ? current.getLibraryVersion() : keeper().current().version();
    }

    private void answer(ModelChange change) {
        changelog.put(change.getId(), change);
        Headers headers = new RecordHeaders().add(WRITER_HEADER, WRITER.getBytes(StandardCharsets.UTF_8));
        context().forward(new Record<>(change.getId(), new KeeperOutput.ChangelogUpdate(change),
                change.getUpdatedAt().toEpochMilli(), headers));
    }

    private Keeper<PatternDefinition> keeper() {
        if (keeper == null) {
            load();
        }
        return keeper;
    }

    private void load() {
        List<PatternLibrary<PatternDefinition>> versions = new ArrayList<>();
        List<KeeperStateCodec.Sequenced> changes = new ArrayList<>();
        try (KeyValueIterator<String, byte[]> it = state.all()) {
            while (it.hasNext()) {
                KeyValue<String, byte[]> kv = it.next();
                if (kv.key.startsWith("v/")) {
                    versions.add(KeeperStateCodec.library(kv.value));
                } else if (kv.key.startsWith("c/")) {
                    changes.add(KeeperStateCodec.change(kv.value));
                }
            }
        }
        changes.sort(Comparator.comparingLong(KeeperStateCodec.Sequenced::seq));
        List<ChangeRecord<PatternDefinition>> records = changes.stream().map(KeeperStateCodec.Sequenced::record).toList();
        keeper = Keeper.restore(new KeeperState<>(versions, records), VALIDATOR);
        persistedVersions = versions.size();
        nextSeq = changes.isEmpty() ? 0 : changes.get(changes.size() - 1).seq() + 1;
        LOG.info("keeper loaded: library version {}, {} changes", keeper.current().version(), records.size());
    }

    /** Writes what a request changed: new library versions and the request's change record. */
    private void persist(String changeId) {
        List<PatternLibrary<PatternDefinition>> history = keeper.history();
        for (int v = (int) persistedVersions; v < history.size(); v++) {
            state.put(versionKey(v + 1L), KeeperStateCodec.library(history.get(v)));
        }
        persistedVersions = history.size();
        Optional<ChangeRecord<PatternDefinition>> record = keeper.change(changeId);
        if (record.isPresent()) {
            String key = "c/" + changeId;
            byte[] old = state.get(key);
            KeeperStateCodec.Sequenced previous = old == null ? null : KeeperStateCodec.change(old);
            if (previous == null || !previous.record().equals(record.get())) {
                long seq = previous == null ? nextSeq++ : previous.seq();
                state.put(key, KeeperStateCodec.change(seq, record.get()));
            }
        }
        state.put(META_KEY, KeeperMeta.bytes(keeper.current().version(), nextSeq));
    }

    static String versionKey(long version) {
        return String.format(Locale.ROOT, "v/%019d", version);
    }
}
