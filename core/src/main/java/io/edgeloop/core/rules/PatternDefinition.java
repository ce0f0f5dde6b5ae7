package io.edgeloop.core.rules;

import io.edgeloop.core.stats.PatternStats;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A pattern of the library: a rule over snapshot fields, the move it expects, its lifecycle and
 * its outcome statistics. Plain values only (records, enums, strings, numbers) so the Avro form
 * in {@code schemas} maps to it field by field.
 *
 * @param id          stable slug, {@code [a-z][a-z0-9_]*}, e.g. {@code bull_state_dominance}
 * @param name        human name
 * @param description what the pattern means and why it should work
 * @param direction   the expected move; hits are counted in this direction
 * @param status      lifecycle state
 * @param version     version of this definition, &gt;= 1, bumped by every applied change
 * @param origin      where it came from
 * @param rule        when it matches
 * @param stats       outcomes observed by this system
 * @param reference   the original model's reported hit rate and n, when known (documentation,
 *                    not outcomes)
 */
public record PatternDefinition(String id, String name, String description, Direction direction,
                                PatternStatus status, int version, PatternOrigin origin, Rule rule,
                                PatternStats stats, Optional<ReferenceRate> reference) {

    private static final Pattern ID = Pattern.compile("[a-z][a-z0-9_]{0,63}");

    public PatternDefinition {
        Objects.requireNonNull(id, "pattern id");
        if (!ID.matcher(id).matches()) {
            throw new IllegalArgumentException("pattern id must match [a-z][a-z0-9_]{0,63}, got '" + id + "'");
        }
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("pattern " + id + " needs a name");
        }
        Objects.requireNonNull(description, "pattern description");
        Objects.requireNonNull(direction, "pattern direction");
        Objects.requireNonNull(status, "pattern status");
        if (version < 1) {
            throw new IllegalArgumentException("pattern " + id + " version must be >= 1, got " + version);
        }
        Objects.requireNonNull(origin, "pattern origin");
        Objects.requireNonNull(rule, "pattern rule");
        Objects.requireNonNull(stats, "pattern stats");
        Objects.requireNonNull(reference, "pattern reference (use Optional.empty())");
    }

    /** The rule's problems, located under {@code $.rule}; empty when it is valid. */
    public List<Problem> validate() {
        return RuleValidator.validate(rule, "$.rule");
    }

    public PatternDefinition withStatus(PatternStatus newStatus) {
        return new PatternDefinition(id, name, description, direction, newStatus, version, origin, rule, stats, reference);
    }

    public PatternDefinition withStats(PatternStats newStats) {
        return new PatternDefinition(id, name, description, direction, status, version, origin, rule, newStats, reference);
    }

    public PatternDefinition withVersion(int newVersion) {
        return new PatternDefinition(id, name, description, direction, status, newVersion, origin, rule, stats, reference);
    }
}
