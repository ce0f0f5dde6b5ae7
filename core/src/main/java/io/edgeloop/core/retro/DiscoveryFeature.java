package io.edgeloop.core.retro;

import io.edgeloop.core.mining.LeadUpFeatures;
import io.edgeloop.core.rules.Rule;

import java.util.Objects;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * A yes/no property of a move's lead-up that candidate discovery combines into pairs and
 * triples, with its snapshot-rule form when it has one.
 *
 * @param id           lower-case id, e.g. {@code htf_rising}
 * @param description  what it means
 * @param test         the property
 * @param rule         an equivalent condition on the start day's snapshot, when one exists
 * @param noRuleReason why there is no rule form (null when there is one)
 */
public record DiscoveryFeature(String id, String description, Predicate<LeadUpFeatures> test, Optional<Rule> rule,
                               String noRuleReason) {

    public DiscoveryFeature {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(test, "test");
        Objects.requireNonNull(rule, "rule");
        if (rule.isEmpty() == (noRuleReason == null)) {
            throw new IllegalArgumentException("feature " + id + ": give a rule or the reason there is none");
        }
    }

    /** A feature with a rule form. */
    public static DiscoveryFeature withRule(String id, String description, Predicate<LeadUpFeatures> test, Rule rule) {
        return new DiscoveryFeature(id, description, test, Optional.of(rule), null);
    }

    /** A feature without a rule form. */
    public static DiscoveryFeature withoutRule(String id, String description, Predicate<LeadUpFeatures> test,
                                               String reason) {
        return new DiscoveryFeature(id, description, test, Optional.empty(), reason);
    }
}
