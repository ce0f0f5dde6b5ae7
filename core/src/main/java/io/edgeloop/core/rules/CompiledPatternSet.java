package io.edgeloop.core.rules;

import io.edgeloop.core.snapshot.Snapshot;

import java.util.ArrayList;
import java.util.List;

/**
 * A list of patterns compiled once for matching at candle rate: {@link #match} writes the
 * positions of the matching patterns into a caller-owned array and allocates nothing. Immutable
 * and thread-safe. Which patterns to include (e.g. not RETIRED ones) is the caller's choice.
 */
public final class CompiledPatternSet {

    private final List<PatternDefinition> patterns;
    private final CompiledRule[] rules;
    /** The rules' distinct conditions as bit masks ({@link ConditionMasks}); null when too many to fit. */
    private final ConditionMasks masks;

    private CompiledPatternSet(List<PatternDefinition> patterns, CompiledRule[] rules) {
        this.patterns = patterns;
        this.rules = rules;
        this.masks = ConditionMasks.of(rules);
    }

    /** Compiles every pattern's rule; throws {@link InvalidRuleException} naming the first invalid pattern. */
    public static CompiledPatternSet of(List<PatternDefinition> patterns) {
        CompiledRule[] rules = new CompiledRule[patterns.size()];
        for (int i = 0; i < rules.length; i++) {
            List<Problem> problems = patterns.get(i).validate();
            if (!problems.isEmpty()) {
                List<Problem> named = new ArrayList<>();
                for (Problem p : problems) {
                    named.add(new Problem(patterns.get(i).id() + ":" + p.path(), p.kind(), p.message()));
                }
                throw new InvalidRuleException(named);
            }
            rules[i] = CompiledRule.compile(patterns.get(i).rule());
        }
        return new CompiledPatternSet(List.copyOf(patterns), rules);
    }

    /** True when {@link #match} tests condition masks, false when it walks each rule's tree. */
    boolean usesMasks() {
        return masks != null;
    }

    public int size() {
        return rules.length;
    }

    public PatternDefinition pattern(int position) {
        return patterns.get(position);
    }

    public CompiledRule rule(int position) {
        return rules[position];
    }

    public List<PatternDefinition> patterns() {
        return patterns;
    }

    /**
     * Writes the positions of the patterns that match the snapshot, ascending, into
     * {@code out[0 .. count - 1]} and returns the count. {@code out} needs {@link #size()} slots.
     *
     * <p>Each distinct condition of the set is evaluated once per snapshot into bit masks and each
     * rule tested on them ({@link ConditionMasks}); a set with more distinct conditions than one
     * mask holds walks each rule's tree instead. Both give {@link CompiledRule#matches}.
     */
    public int match(Snapshot snapshot, int[] out) {
        if (out.length < rules.length) {
            throw new IllegalArgumentException("output needs " + rules.length + " slots, has " + out.length);
        }
        if (masks != null) {
            return masks.match(snapshot, out);
        }
        int count = 0;
        for (int i = 0; i < rules.length; i++) {
            if (rules[i].matches(snapshot)) {
                out[count++] = i;
            }
        }
        return count;
    }

    /** The matching patterns, in order (allocates; for tools and tests). */
    public List<PatternDefinition> matching(Snapshot snapshot) {
        List<PatternDefinition> matched = new ArrayList<>();
        for (int i = 0; i < rules.length; i++) {
            if (rules[i].matches(snapshot)) {
                matched.add(patterns.get(i));
            }
        }
        return matched;
    }
}
