package io.edgeloop.core.library;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The pattern-library keeper as plain Java: the single writer of the library. It records
 * proposals, applies approved changes, answers every request with a {@link Decision}, keeps
 * every library version so any can be restored, and remembers every decided change id so that
 * nothing is applied twice.
 *
 * <ul>
 *   <li>{@link #seed}: on an empty library only, publishes the seed set as version 1.</li>
 *   <li>{@link #propose}: records a PENDING change (re-delivery of the identical proposal is
 *       harmless); an invalid pattern value makes it INVALID at once.</li>
 *   <li>{@link #approve}: applies a PENDING change as version + 1, or answers INVALID.</li>
 *   <li>{@link #reject}: makes a PENDING change REJECTED.</li>
 *   <li>{@link #rollback}: an operator's rollback, proposed and approved in one request.</li>
 *   <li>{@link #autoApply}: the fast loop's degrade, applied without approval and flagged
 *       auto-applied (reversible by rollback); no other kind may take this path.</li>
 * </ul>
 * Requests about the request itself (anonymous actor, unknown id, already decided, duplicate
 * id) change nothing; a change found invalid against the library or its validator (a rollback
 * to a version below 1 or not yet made included) becomes final with status INVALID, and its id
 * is then decided: a later request under it is refused as already decided. Not thread-safe: one keeper per library, one writer.
 *
 * @param <P> the pattern value type (opaque here; checked by the injected validator)
 */
public final class Keeper<P> {

    private static final Logger LOG = LoggerFactory.getLogger(Keeper.class);
    /** Names that identify no one ({@link #anonymous}). */
    private static final Set<String> NO_ONE = Set.of("anonymous", "unknown", "none");

    private final PayloadValidator<P> validator;
    private final List<PatternLibrary<P>> history = new ArrayList<>();
    private final Map<String, ChangeRecord<P>> changes = new LinkedHashMap<>();

    public Keeper(PayloadValidator<P> validator) {
        this.validator = Objects.requireNonNull(validator, "validator");
    }

    /** A keeper that continues from a persisted state. */
    public static <P> Keeper<P> restore(KeeperState<P> state, PayloadValidator<P> validator) {
        Keeper<P> keeper = new Keeper<>(validator);
        keeper.history.addAll(state.history());
        for (ChangeRecord<P> record : state.changes()) {
            if (keeper.changes.putIfAbsent(record.changeId(), record) != null) {
                throw new IllegalArgumentException("keeper state holds change " + record.changeId() + " twice");
            }
        }
        return keeper;
    }

    /** Everything this keeper knows, to persist. */
    public KeeperState<P> state() {
        return new KeeperState<>(history, new ArrayList<>(changes.values()));
    }

    /** The latest library version (version 0, empty, before anything was applied). */
    public PatternLibrary<P> current() {
        return history.isEmpty() ? PatternLibrary.empty() : history.get(history.size() - 1);
    }

    /** A library version, 1..current. */
    public Optional<PatternLibrary<P>> version(long version) {
        return version >= 1 && version <= history.size()
                ? Optional.of(history.get((int) version - 1)) : Optional.empty();
    }

    /** Every library version from 1, in order. */
    public List<PatternLibrary<P>> history() {
        return List.copyOf(history);
    }

    public Optional<ChangeRecord<P>> change(String changeId) {
        return Optional.ofNullable(changes.get(changeId));
    }

    /** Every change record, in order of arrival. */
    public List<ChangeRecord<P>> changelog() {
        return List.copyOf(changes.values());
    }

    /**
     * The library versions whose changes are live in {@code version}: the version itself, then the
     * version its content came from (the target, for a version made by a rollback; else the one
     * before), and so on down to 1. A change applied at a version outside this line was undone by
     * a rollback on the way to {@code version}.
     */
    public Set<Long> line(long version) {
        Map<Long, Long> from = new HashMap<>();
        for (ChangeRecord<P> r : changes.values()) {
            if (r.status() == ChangeStatus.APPLIED) {
                from.put(r.appliedVersion(), r.change().kind() == ChangeKind.ROLLBACK
                        ? r.change().targetVersion() : r.appliedVersion() - 1);
            }
        }
        Set<Long> line = new TreeSet<>();
        long v = version;
        while (v >= 1 && line.add(v)) {
            v = from.getOrDefault(v, v - 1);
        }
        return line;
    }

    /** The changes waiting for an operator, in order of arrival. */
    public List<ChangeRecord<P>> pending() {
        List<ChangeRecord<P>> out = new ArrayList<>();
        for (ChangeRecord<P> record : changes.values()) {
            if (!record.decided()) {
                out.add(record);
            }
        }
        return out;
    }

    /**
     * Publishes the seed patterns as version 1, all ACTIVE, with origin {@code seed:<origin>},
     * recorded as an APPLIED SEED change. Answers INVALID when the library is not empty (so a
     * restart may call it every time) or a seed pattern fails validation.
     */
    public Decision<P> seed(String changeId, Map<String, P> patterns, String origin) {
        Objects.requireNonNull(changeId, "changeId");
        Objects.requireNonNull(patterns, "patterns");
        long version = current().version();
        if (!history.isEmpty()) {
            return Decision.invalid(changeId, InvalidReason.LIBRARY_NOT_EMPTY,
                    "the library is at version " + version + "; seeding needs an empty library", origin, version);
        }
        if (anonymous(origin)) {
            return Decision.invalid(changeId, InvalidReason.ANONYMOUS_ACTOR, "a seed needs a named origin", origin, 0);
        }
        if (changes.containsKey(changeId)) {
            return Decision.invalid(changeId, InvalidReason.DUPLICATE_CHANGE_ID,
                    "change id " + changeId + " is taken", origin, 0);
        }
        Map<String, LibraryEntry<P>> entries = new TreeMap<>();
        List<EntryDiff<P>> diff = new ArrayList<>();
        for (Map.Entry<String, P> seed : new TreeMap<>(patterns).entrySet()) {
            Optional<String> problem = Transitions.validate(validator, seed.getKey(), seed.getValue());
            if (problem.isPresent()) {
                return Decision.invalid(changeId, InvalidReason.INVALID_PAYLOAD, "seed " + problem.get(), origin, 0);
            }
            LibraryEntry<P> entry = new LibraryEntry<>(seed.getKey(), PatternStatus.ACTIVE, seed.getValue(),
                    "seed:" + origin, 1);
            entries.put(entry.id(), entry);
            diff.add(new EntryDiff<>(entry.id(), null, entry));
        }
        Change<P> change = new Change<>(changeId, ChangeKind.SEED, null, null, null, 0, origin,
                "seed set of " + entries.size() + " patterns");
        String reason = "seeded " + entries.size() + " patterns from " + origin;
        history.add(new PatternLibrary<>(1, entries));
        changes.put(changeId, new ChangeRecord<>(change, ChangeStatus.APPLIED, origin, reason, false, 1, diff));
        LOG.info("library version 1: {}", reason);
        return new Decision<>(changeId, DecisionType.APPLIED, null, reason, origin, 0, 1, diff, false);
    }

    /**
     * Records a proposal. A rollback to a version below 1 (which can never exist) is final at
     * once with status INVALID, as is a pattern value that fails the validator.
     */
    public Decision<P> propose(Change<P> change) {
        Objects.requireNonNull(change, "change");
        String id = change.changeId();
        long version = current().version();
        if (change.kind() == ChangeKind.SEED) {
            return Decision.invalid(id, InvalidReason.NOT_PROPOSABLE, "SEED changes come from seeding only",
                    change.proposer(), version);
        }
        if (anonymous(change.proposer())) {
            return Decision.invalid(id, InvalidReason.ANONYMOUS_ACTOR, "a proposal needs a named proposer",
                    change.proposer(), version);
        }
        ChangeRecord<P> known = changes.get(id);
        if (known != null) {
            return answerKnown(known, change, change.proposer(), version);
        }
        if (change.kind() == ChangeKind.ROLLBACK && change.targetVersion() < 1) {
            String problem = Transitions.unknownVersion(change.targetVersion(), version).orElseThrow();
            changes.put(id, decided(ChangeRecord.pending(change), ChangeStatus.INVALID, change.proposer(), problem));
            return Decision.invalid(id, InvalidReason.UNKNOWN_VERSION, problem, change.proposer(), version);
        }
        if (change.payload() != null) {
            Optional<String> problem = Transitions.validate(validator, change.patternId(), change.payload());
            if (problem.isPresent()) {
                changes.put(id, decided(ChangeRecord.pending(change), ChangeStatus.INVALID, change.proposer(),
                        problem.get()));
                return Decision.invalid(id, InvalidReason.INVALID_PAYLOAD, problem.get(), change.proposer(), version);
            }
        }
        changes.put(id, ChangeRecord.pending(change));
        return new Decision<>(id, DecisionType.PROPOSED, null, "waiting for approval", change.proposer(),
                version, version, List.of(), false);
    }

    /** An operator's approval of a PENDING change: applies it as a new version, or answers INVALID. */
    public Decision<P> approve(String changeId, String actor, String reason) {
        long version = current().version();
        Optional<Decision<P>> refused = refuseRequest(changeId, actor, version);
        if (refused.isPresent()) {
            return refused.get();
        }
        return applyPending(changes.get(changeId), actor, reason == null ? "" : reason, false);
    }

    /** An operator's rejection of a PENDING change. */
    public Decision<P> reject(String changeId, String actor, String reason) {
        long version = current().version();
        Optional<Decision<P>> refused = refuseRequest(changeId, actor, version);
        if (refused.isPresent()) {
            return refused.get();
        }
        String why = reason == null ? "" : reason;
        changes.put(changeId, decided(changes.get(changeId), ChangeStatus.REJECTED, actor, why));
        return new Decision<>(changeId, DecisionType.REJECTED, null, why, actor, version, version, List.of(), false);
    }

    /**
     * An operator's rollback to {@code targetVersion}, proposed and approved in one request
     * under {@code changeId}. A pending identical rollback under that id is approved; any other
     * known id is refused. A target that is no library version (below 1, or above the current
     * one) makes the rollback final with status INVALID ({@link InvalidReason#UNKNOWN_VERSION}),
     * as any change found wrong for the library.
     */
    public Decision<P> rollback(String changeId, long targetVersion, String actor, String reason) {
        Objects.requireNonNull(changeId, "changeId");
        long version = current().version();
        if (anonymous(actor)) {
            return Decision.invalid(changeId, InvalidReason.ANONYMOUS_ACTOR, "approvals must name an actor", actor,
                    version);
        }
        Change<P> change = Change.rollback(changeId, targetVersion, actor, reason == null ? "" : reason);
        ChangeRecord<P> known = changes.get(changeId);
        if (known != null && known.decided()) {
            return alreadyDecided(known, actor, version);
        }
        if (known != null && (known.change().kind() != ChangeKind.ROLLBACK
                || known.change().targetVersion() != targetVersion)) {
            return Decision.invalid(changeId, InvalidReason.DUPLICATE_CHANGE_ID, "change id " + changeId
                    + " already names a pending " + known.change().kind() + " change", actor, version);
        }
        ChangeRecord<P> record = known != null ? known : ChangeRecord.pending(change);
        changes.put(changeId, record);
        return applyPending(record, actor, reason == null ? "" : reason, false);
    }

    /** The fast loop's safety move: a DEGRADE applied at once, flagged auto-applied, decided by its proposer. */
    public Decision<P> autoApply(Change<P> change) {
        Objects.requireNonNull(change, "change");
        String id = change.changeId();
        long version = current().version();
        if (change.kind() != ChangeKind.DEGRADE) {
            return Decision.invalid(id, InvalidReason.NOT_AUTO_APPLICABLE,
                    change.kind() + " needs an operator's approval; only DEGRADE is auto-applied",
                    change.proposer(), version);
        }
        if (anonymous(change.proposer())) {
            return Decision.invalid(id, InvalidReason.ANONYMOUS_ACTOR, "an auto-applied change needs a named proposer",
                    change.proposer(), version);
        }
        ChangeRecord<P> known = changes.get(id);
        if (known != null) {
            return known.decided() ? alreadyDecided(known, change.proposer(), version)
                    : Decision.invalid(id, InvalidReason.DUPLICATE_CHANGE_ID,
                    "change " + id + " is pending approval; it cannot also be auto-applied", change.proposer(), version);
        }
        ChangeRecord<P> record = ChangeRecord.pending(change);
        changes.put(id, record);
        return applyPending(record, change.proposer(), change.rationale(), true);
    }

    private Decision<P> applyPending(ChangeRecord<P> record, String actor, String reason, boolean auto) {
        String id = record.changeId();
        PatternLibrary<P> current = current();
        Transitions.Result<P> result = Transitions.apply(record.change(), current, history, validator);
        if (!result.ok()) {
            changes.put(id, decided(record, ChangeStatus.INVALID, actor, result.message()));
            return Decision.invalid(id, result.problem(), result.message(), actor, current.version());
        }
        PatternLibrary<P> next = result.next();
        history.add(next);
        changes.put(id, new ChangeRecord<>(record.change(), ChangeStatus.APPLIED, actor, reason, auto,
                next.version(), result.diff()));
        LOG.info("library version {}: {} {} by {}{}", next.version(), record.change().kind(), id, actor,
                auto ? " (auto-applied)" : "");
        return new Decision<>(id, DecisionType.APPLIED, null, reason, actor, current.version(), next.version(),
                result.diff(), auto);
    }

    private Optional<Decision<P>> refuseRequest(String changeId, String actor, long version) {
        Objects.requireNonNull(changeId, "changeId");
        if (anonymous(actor)) {
            return Optional.of(Decision.invalid(changeId, InvalidReason.ANONYMOUS_ACTOR,
                    "approvals must name an actor", actor, version));
        }
        ChangeRecord<P> known = changes.get(changeId);
        if (known == null) {
            return Optional.of(Decision.invalid(changeId, InvalidReason.UNKNOWN_CHANGE,
                    "no change " + changeId + " was proposed", actor, version));
        }
        if (known.decided()) {
            return Optional.of(alreadyDecided(known, actor, version));
        }
        return Optional.empty();
    }

    private Decision<P> answerKnown(ChangeRecord<P> known, Change<P> offered, String actor, long version) {
        String id = known.changeId();
        if (!known.change().equals(offered)) {
            return Decision.invalid(id, InvalidReason.DUPLICATE_CHANGE_ID,
                    "change id " + id + " already names a different " + known.change().kind() + " change", actor,
                    version);
        }
        if (known.decided()) {
            return alreadyDecided(known, actor, version);
        }
        return new Decision<>(id, DecisionType.PROPOSED, null, "already pending", actor, version, version,
                List.of(), false);
    }

    private Decision<P> alreadyDecided(ChangeRecord<P> known, String actor, long version) {
        String applied = known.status() == ChangeStatus.APPLIED ? " as version " + known.appliedVersion() : "";
        return Decision.invalid(known.changeId(), InvalidReason.ALREADY_DECIDED, "change " + known.changeId()
                + " was already " + known.status() + applied + " by " + known.decidedBy(), actor, version);
    }

    private static <P> ChangeRecord<P> decided(ChangeRecord<P> record, ChangeStatus status, String actor,
                                               String reason) {
        return new ChangeRecord<>(record.change(), status, actor == null ? "" : actor, reason, false, 0, List.of());
    }

    /**
     * The one rule for who may ask for a change, approve one or request resolving, everywhere:
     * null, blank, or a name that identifies no one ("anonymous", "unknown", "none", any case) is
     * no actor.
     */
    public static boolean anonymous(String actor) {
        return actor == null || actor.isBlank() || NO_ONE.contains(actor.trim().toLowerCase(Locale.ROOT));
    }

}
