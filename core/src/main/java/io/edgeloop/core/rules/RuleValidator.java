package io.edgeloop.core.rules;

import java.util.ArrayList;
import java.util.List;

/**
 * Checks a rule against the snapshot field registry before it is accepted, so a rule is never
 * silently false at match time. Reports every problem with a JSON-path-like location:
 * <ul>
 *   <li>unknown field, with the nearest field names; a field the kanban sets after matching
 *       ({@code stage}, {@code pnl_pct}: {@link io.edgeloop.core.snapshot.Fields#ruleInput});</li>
 *   <li>wrong type: an ordered op (gt, gte, lt, lte, between) on a category or boolean, truthy
 *       or falsy on a number or category, a value of the wrong kind (a number for a boolean, a
 *       name that is not one of the field's categories, a direction other than -1, 0, 1);</li>
 *   <li>malformed values: non-finite numbers, an empty {@code in} list, between with lo &gt; hi;</li>
 *   <li>an empty {@code all} or {@code any}; a rule nested deeper than {@link Rule#MAX_DEPTH};</li>
 *   <li>a condition that never holds on the field's range (e.g. {@code htf_score >= 55} on a
 *       [-50, 50] score) or always holds (e.g. {@code htf_score >= -60});</li>
 *   <li>a contradictory conjunction: the conditions on one field inside one {@code all} (nested
 *       alls, and {@code not} of a condition or of an {@code any}, are followed by De Morgan's
 *       laws) admit no common value, e.g. {@code all(x > 10, x < 5)}.</li>
 * </ul>
 * Contradictions that span fields (such as {@code state eq HTF_BULL_LTF_PULLBACK} with
 * {@code ltf_score >= 0}) are not detected.
 */
public final class RuleValidator {

    private RuleValidator() {
    }

    /** Every problem of the rule, located from the root {@code $}; empty when the rule is valid. */
    public static List<Problem> validate(Rule rule) {
        return validate(rule, "$");
    }

    /** Every problem of the rule, located from {@code rootPath} (e.g. {@code $.rule} inside a pattern). */
    public static List<Problem> validate(Rule rule, String rootPath) {
        List<Problem> out = new ArrayList<>();
        int depth = rule.depth();
        if (depth > Rule.MAX_DEPTH) {
            return List.of(new Problem(rootPath, Problem.Kind.SYNTAX, "the rule nests " + depth + " levels deep, at "
                    + "most " + Rule.MAX_DEPTH + " are allowed"));
        }
        walk(rule, rootPath, false, false, out);
        return List.copyOf(out);
    }

    /** Returns the rule when it is valid; throws {@link InvalidRuleException} with every problem otherwise. */
    public static Rule requireValid(Rule rule) {
        List<Problem> problems = validate(rule);
        if (!problems.isEmpty()) {
            throw new InvalidRuleException(problems);
        }
        return rule;
    }

    private static void walk(Rule rule, String path, boolean negated, boolean inConjunction, List<Problem> out) {
        if (rule instanceof Rule.All all) {
            junction(rule, all.rules(), path, "all", !negated, negated, inConjunction, out);
        } else if (rule instanceof Rule.Any any) {
            junction(rule, any.rules(), path, "any", negated, negated, inConjunction, out);
        } else if (rule instanceof Rule.Not not) {
            walk(not.rule(), path + ".not", !negated, inConjunction, out);
        } else {
            ConditionCheck.check(path, (Rule.Condition) rule, out);
        }
    }

    private static void junction(Rule rule, List<Rule> children, String path, String name, boolean conjunctive,
                                 boolean negated, boolean inConjunction, List<Problem> out) {
        if (children.isEmpty()) {
            out.add(new Problem(path + "." + name, Problem.Kind.EMPTY, name + " needs at least one rule"));
            return;
        }
        for (int i = 0; i < children.size(); i++) {
            walk(children.get(i), path + "." + name + "[" + i + "]", negated, conjunctive, out);
        }
        if (conjunctive && !inConjunction) {
            Contradictions.check(rule, path, negated, out);
        }
    }
}
