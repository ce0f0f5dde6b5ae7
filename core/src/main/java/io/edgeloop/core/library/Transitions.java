package io.edgeloop.core.library;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;

/** The status machine: what a change does to a library version, or why it cannot. */
final class Transitions {

    private static final Logger LOG = LoggerFactory.getLogger(Transitions.class);

    /** Either the next library and its diff, or a problem with a message. */
    record Result<P>(PatternLibrary<P> next, List<EntryDiff<P>> diff, InvalidReason problem, String message) {

        boolean ok() {
            return problem == null;
        }

        static <P> Result<P> fail(InvalidReason problem, String message) {
            return new Result<>(null, List.of(), problem, message);
        }
    }

    private Transitions() {
    }

    /** Checks a pattern value; a validator that throws counts as a refusal, logged. */
    static <P> Optional<String> validate(PayloadValidator<P> validator, String patternId, P pattern) {
        try {
            return validator.problem(pattern).map(p -> "pattern " + patternId + " is invalid: " + p);
        } catch (RuntimeException e) {
            LOG.warn("validator failed on pattern {}", patternId, e);
            return Optional.of("pattern " + patternId + " could not be validated: " + e.getMessage());
        }
    }

    static <P> Result<P> apply(Change<P> change, PatternLibrary<P> current, List<PatternLibrary<P>> history,
                               PayloadValidator<P> validator) {
        long next = current.version() + 1;
        if (change.kind() == ChangeKind.ROLLBACK) {
            return rollback(change.targetVersion(), current, history);
        }
        String id = change.patternId();
        LibraryEntry<P> before = current.entries().get(id);
        if (change.kind() == ChangeKind.ADD_PATTERN) {
            if (before != null) {
                return Result.fail(InvalidReason.PATTERN_EXISTS, "pattern " + id + " already exists as "
                        + before.status());
            }
            Optional<String> problem = validate(validator, id, change.payload());
            if (problem.isPresent()) {
                return Result.fail(InvalidReason.INVALID_PAYLOAD, problem.get());
            }
            return with(current, id, null, new LibraryEntry<>(id, change.addAs(), change.payload(),
                    "change:" + change.changeId(), next));
        }
        if (before == null) {
            return Result.fail(InvalidReason.UNKNOWN_PATTERN, "the library (version " + current.version()
                    + ") has no pattern " + id);
        }
        PatternStatus status = before.status();
        switch (change.kind()) {
            case DEGRADE:
                return status == PatternStatus.ACTIVE
                        ? with(current, id, before, before.withStatus(PatternStatus.DEGRADED, next))
                        : illegal(id, status, "only ACTIVE patterns can be degraded");
            case PROMOTE:
                return status == PatternStatus.DEGRADED || status == PatternStatus.CANDIDATE
                        ? with(current, id, before, before.withStatus(PatternStatus.ACTIVE, next))
                        : illegal(id, status, "only DEGRADED or CANDIDATE patterns can be promoted");
            case RETIRE:
                return status != PatternStatus.RETIRED
                        ? with(current, id, before, before.withStatus(PatternStatus.RETIRED, next))
                        : illegal(id, status, "it is already retired");
            case MODIFY_RULE:
                if (status == PatternStatus.RETIRED) {
                    return illegal(id, status, "retired patterns cannot be modified");
                }
                Optional<String> problem = validate(validator, id, change.payload());
                return problem.isPresent() ? Result.fail(InvalidReason.INVALID_PAYLOAD, problem.get())
                        : with(current, id, before, before.withPattern(change.payload(), next));
            default:
                throw new IllegalArgumentException("change " + change.changeId() + " of kind " + change.kind()
                        + " is not a library transition");
        }
    }

    private static <P> Result<P> illegal(String id, PatternStatus status, String rule) {
        return Result.fail(InvalidReason.ILLEGAL_TRANSITION, "pattern " + id + " is " + status + ": " + rule);
    }

    private static <P> Result<P> with(PatternLibrary<P> current, String id, LibraryEntry<P> before,
                                      LibraryEntry<P> after) {
        Map<String, LibraryEntry<P>> entries = new TreeMap<>(current.entries());
        entries.put(id, after);
        return new Result<>(new PatternLibrary<>(current.version() + 1, entries),
                List.of(new EntryDiff<>(id, before, after)), null, "");
    }

    /** Why a rollback target is no library version of a history of {@code versions}; empty when it is one. */
    static Optional<String> unknownVersion(long target, long versions) {
        return target < 1 || target > versions
                ? Optional.of("library version " + target + " does not exist (versions are 1.." + versions + ")")
                : Optional.empty();
    }

    private static <P> Result<P> rollback(long target, PatternLibrary<P> current, List<PatternLibrary<P>> history) {
        Optional<String> unknown = unknownVersion(target, history.size());
        if (unknown.isPresent()) {
            return Result.fail(InvalidReason.UNKNOWN_VERSION, unknown.get());
        }
        PatternLibrary<P> wanted = history.get((int) target - 1);
        if (wanted.sameContent(current)) {
            return Result.fail(InvalidReason.ILLEGAL_TRANSITION, "library version " + current.version()
                    + " already has the content of version " + target);
        }
        TreeSet<String> ids = new TreeSet<>(current.entries().keySet());
        ids.addAll(wanted.entries().keySet());
        List<EntryDiff<P>> diff = new ArrayList<>();
        for (String id : ids) {
            LibraryEntry<P> before = current.entries().get(id);
            LibraryEntry<P> after = wanted.entries().get(id);
            if (before == null ? after != null : !before.equals(after)) {
                diff.add(new EntryDiff<>(id, before, after));
            }
        }
        return new Result<>(new PatternLibrary<>(current.version() + 1, wanted.entries()), diff, null, "");
    }
}
