package io.edgeloop.core.retro;

import io.edgeloop.core.mining.LeadUpConfig;
import io.edgeloop.core.mining.LeadUpFeature;
import io.edgeloop.core.rules.Op;
import io.edgeloop.core.rules.Rule;
import io.edgeloop.core.rules.Value;
import io.edgeloop.core.snapshot.Fields;

import java.util.ArrayList;
import java.util.List;

/**
 * The 24 {@link LeadUpFeature}s as discovery features, each translated to a condition on the
 * start day's snapshot where the snapshot can express it exactly:
 * <ul>
 *   <li>HTF/LTF rising and falling: {@code htf_change} / {@code ltf_change} (score now minus 5
 *       trading days ago) {@code > +t} / {@code < -t}, t the trend threshold: the lead-up
 *       trajectory's delta over {@code L = 5} days is the same number;</li>
 *   <li>scores aligned: both changes {@code > 0} or both {@code < 0}; diverging: one above
 *       {@code +t} while the other is below {@code -t};</li>
 *   <li>start state X: {@code state eq X}; high phase at start: {@code phase_zone in [HIGH, EXTREME]}.</li>
 * </ul>
 * The other 13 are not proposable: they look at every day of the lead-up (a state seen on some
 * day, a transition, a flag raised on some day), while a snapshot holds one day's flags and only
 * the current and previous state. With a lead-up other than 5 days the change fields no longer
 * equal the trajectory, and the score features lose their rule form too.
 */
public final class FeatureRules {

    static final String MULTI_DAY = "counts flags or states over every day of the lead-up; a snapshot holds one day's "
            + "flags and only the current and previous state";
    private static final List<String> STATES = Fields.STATES;

    private FeatureRules() {
    }

    /** The 24 lead-up features in declaration order, with rule forms where they exist. */
    public static List<DiscoveryFeature> standard(LeadUpConfig config) {
        boolean fiveDays = config.days() == 5;
        double t = config.trendThreshold();
        String changeReason = "the lead-up is " + config.days() + " days but htf_change/ltf_change span 5 trading days";
        List<DiscoveryFeature> out = new ArrayList<>();
        for (LeadUpFeature f : LeadUpFeature.values()) {
            Rule rule = switch (f) {
                case HTF_RISING -> fiveDays ? cond("htf_change", Op.GT, t) : null;
                case HTF_FALLING -> fiveDays ? cond("htf_change", Op.LT, -t) : null;
                case LTF_RISING -> fiveDays ? cond("ltf_change", Op.GT, t) : null;
                case LTF_FALLING -> fiveDays ? cond("ltf_change", Op.LT, -t) : null;
                case SCORES_ALIGNED -> fiveDays ? Rule.any(
                        Rule.all(cond("htf_change", Op.GT, 0), cond("ltf_change", Op.GT, 0)),
                        Rule.all(cond("htf_change", Op.LT, 0), cond("ltf_change", Op.LT, 0))) : null;
                case SCORES_DIVERGING -> fiveDays ? Rule.any(
                        Rule.all(cond("htf_change", Op.GT, t), cond("ltf_change", Op.LT, -t)),
                        Rule.all(cond("htf_change", Op.LT, -t), cond("ltf_change", Op.GT, t))) : null;
                case START_BULL_BULL -> state(0);
                case START_BULL_PULLBACK -> state(1);
                case START_BEAR_BEAR -> state(2);
                case START_BEAR_PULLBACK -> state(3);
                case HIGH_PHASE_AT_START -> new Rule.Condition("phase_zone", Op.IN, Value.names("HIGH", "EXTREME"));
                default -> null;
            };
            boolean scoreFeature = f.ordinal() <= LeadUpFeature.SCORES_DIVERGING.ordinal();
            out.add(rule != null ? DiscoveryFeature.withRule(f.id(), f.description(), f::test, rule)
                    : DiscoveryFeature.withoutRule(f.id(), f.description(), f::test,
                    scoreFeature ? changeReason : MULTI_DAY));
        }
        return List.copyOf(out);
    }

    private static Rule cond(String field, Op op, double value) {
        return new Rule.Condition(field, op, Value.of(value));
    }

    private static Rule state(int index) {
        return new Rule.Condition("state", Op.EQ, Value.of(STATES.get(index)));
    }
}
