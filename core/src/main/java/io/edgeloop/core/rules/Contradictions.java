package io.edgeloop.core.rules;

import io.edgeloop.core.snapshot.Field;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Finds conjunctions whose conditions on one field admit no common value. The conjunction's
 * conditions are gathered through nested {@code all}s and, by De Morgan's laws, through
 * {@code not(any(...))} and {@code not(cond)}; a negated condition stands for the values of the
 * field's range where the condition is false (under the three-valued semantics of
 * {@link CompiledRule}, {@code not(c)} is true only when the field is present and {@code c} is
 * false, so this is exact). Disjunctions inside the conjunction are not expanded.
 */
final class Contradictions {

    private record Term(String path, Rule.Condition condition, boolean negated) {
        String describe() {
            return negated ? "not(" + condition.describe() + ")" : condition.describe();
        }
    }

    private Contradictions() {
    }

    static void check(Rule conjunction, String path, boolean negated, List<Problem> out) {
        List<Term> terms = new ArrayList<>();
        collect(conjunction, path, negated, terms);
        Map<Field, List<Term>> byField = new LinkedHashMap<>();
        for (Term t : terms) {
            Field field = ConditionCheck.check(t.path, t.condition, new ArrayList<>());
            if (field != null) {
                byField.computeIfAbsent(field, f -> new ArrayList<>()).add(t);
            }
        }
        for (Map.Entry<Field, List<Term>> e : byField.entrySet()) {
            if (e.getValue().size() < 2) {
                continue;
            }
            List<ValueSet> common = null; // a union: the outside of a between range is two sets
            for (Term t : e.getValue()) {
                List<ValueSet> sets = t.negated ? ValueSet.ofNegated(e.getKey(), t.condition)
                        : List.of(ValueSet.of(e.getKey(), t.condition));
                common = common == null ? sets : intersect(common, sets);
            }
            if (common.stream().allMatch(ValueSet::isEmpty)) {
                out.add(new Problem(path, Problem.Kind.CONTRADICTION, "conditions on " + e.getKey().name()
                        + " can never hold together: " + e.getValue().stream()
                        .map(t -> t.describe() + " at " + t.path).collect(Collectors.joining(", "))));
            }
        }
    }

    /** The intersection of two unions, as a union of the non-empty pairwise intersections. */
    private static List<ValueSet> intersect(List<ValueSet> a, List<ValueSet> b) {
        List<ValueSet> out = new ArrayList<>();
        for (ValueSet x : a) {
            for (ValueSet y : b) {
                ValueSet both = x.intersect(y);
                if (!both.isEmpty()) {
                    out.add(both);
                }
            }
        }
        return out.isEmpty() ? List.of(a.get(0).intersect(b.get(0))) : out;
    }

    private static void collect(Rule rule, String path, boolean negated, List<Term> out) {
        if (rule instanceof Rule.Condition c) {
            out.add(new Term(path, c, negated));
        } else if (rule instanceof Rule.Not not) {
            collect(not.rule(), path + ".not", !negated, out);
        } else if (rule instanceof Rule.All all && !negated) {
            for (int i = 0; i < all.rules().size(); i++) {
                collect(all.rules().get(i), path + ".all[" + i + "]", false, out);
            }
        } else if (rule instanceof Rule.Any any && negated) {
            for (int i = 0; i < any.rules().size(); i++) {
                collect(any.rules().get(i), path + ".any[" + i + "]", true, out);
            }
        }
    }
}
