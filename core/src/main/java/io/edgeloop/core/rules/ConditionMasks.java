package io.edgeloop.core.rules;

import io.edgeloop.core.snapshot.Snapshot;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A set of compiled rules matched through their distinct conditions: every distinct condition
 * (same field, kind and bounds, whichever rule it comes from) is evaluated once per snapshot into
 * two bit masks, {@code t} (definitely true) and {@code f} (definitely false), and each rule is
 * then a test on those masks. A rule that is a conjunction of conditions (the usual shape) is the
 * single test {@code (t & need) == need}; a nested one keeps its shape as a small tree of mask
 * tests with the same Kleene three-valued semantics as {@link Node} (a condition that is neither
 * true nor false is unknown). The results equal {@link CompiledRule#matches} rule by rule.
 *
 * <p>The conditions are evaluated by kind in flat arrays: ranges one compare pair each; the
 * integer-domain conditions (categories, booleans, directions) grouped by field, one table
 * lookup per field giving the true and false bits of all its conditions at once; then the rare
 * not-equal and point-list conditions. So the per-snapshot work is a few short loops with no
 * tree walk; the masks are locals, so matching is allocation-free and thread-safe. At most {@link #MAX_CONDITIONS} distinct conditions fit;
 * {@link #of} returns null above that and the caller walks the trees instead.
 */
final class ConditionMasks {

    /** Distinct conditions one mask holds. */
    static final int MAX_CONDITIONS = Long.SIZE;

    private final int[] rangeIndex;
    private final double[] rangeLo;
    private final double[] rangeHi;
    /** Integer-domain conditions grouped by field: per field one table lookup gives all their bits. */
    private final int[] fieldIndex;
    private final int[] fieldOffset;
    private final int[] fieldSize;
    /** Where each field's rows start in {@link #trueBits} and {@link #falseBits}. */
    private final int[] fieldRow;
    /** Per field and admitted code: the bits of its conditions that are true, and false, for that code. */
    private final long[] trueBits;
    private final long[] falseBits;
    private final Node.Leaf[] others;
    private final int othersShift;
    /** Per rule: the conditions a pure conjunction needs; unused where {@link #nested} is set. */
    private final long[] need;
    /** Per rule: its mask tree when it is not a pure conjunction of conditions, else null. */
    private final Term[] nested;

    private ConditionMasks(List<Node.Leaf> ranges, List<Node.Leaf> masks, List<Node.Leaf> otherLeaves, long[] need,
                           Term[] nested) {
        rangeIndex = new int[ranges.size()];
        rangeLo = new double[ranges.size()];
        rangeHi = new double[ranges.size()];
        for (int i = 0; i < ranges.size(); i++) {
            rangeIndex[i] = ranges.get(i).index;
            rangeLo[i] = ranges.get(i).lo;
            rangeHi[i] = ranges.get(i).hi;
        }
        Map<String, List<Integer>> byField = new LinkedHashMap<>();
        for (int i = 0; i < masks.size(); i++) {
            Node.Leaf leaf = masks.get(i);
            byField.computeIfAbsent(leaf.index + ":" + leaf.offset + ":" + leaf.size, key -> new ArrayList<>()).add(i);
        }
        int fields = byField.size();
        fieldIndex = new int[fields];
        fieldOffset = new int[fields];
        fieldSize = new int[fields];
        fieldRow = new int[fields];
        int rows = 0;
        for (List<Integer> group : byField.values()) {
            rows += masks.get(group.get(0)).size;
        }
        trueBits = new long[rows];
        falseBits = new long[rows];
        int field = 0;
        int row = 0;
        for (List<Integer> group : byField.values()) {
            Node.Leaf first = masks.get(group.get(0));
            fieldIndex[field] = first.index;
            fieldOffset[field] = first.offset;
            fieldSize[field] = first.size;
            fieldRow[field] = row;
            for (int code = 0; code < first.size; code++) {
                for (int i : group) {
                    long bit = 1L << (ranges.size() + i);
                    if ((masks.get(i).mask >>> code & 1L) != 0) {
                        trueBits[row + code] |= bit;
                    } else {
                        falseBits[row + code] |= bit;
                    }
                }
            }
            row += first.size;
            field++;
        }
        others = otherLeaves.toArray(new Node.Leaf[0]);
        othersShift = ranges.size() + masks.size();
        this.need = need;
        this.nested = nested;
    }

    /** Compiles the rules' masks, or returns null when they have more than {@link #MAX_CONDITIONS} distinct conditions. */
    static ConditionMasks of(CompiledRule[] rules) {
        Map<String, Node.Leaf> distinct = new LinkedHashMap<>();
        for (CompiledRule rule : rules) {
            collect(rule.root(), distinct);
        }
        if (distinct.size() > MAX_CONDITIONS) {
            return null;
        }
        List<Node.Leaf> ranges = new ArrayList<>();
        List<Node.Leaf> masks = new ArrayList<>();
        List<Node.Leaf> otherLeaves = new ArrayList<>();
        for (Node.Leaf leaf : distinct.values()) {
            (leaf.kind == Node.Leaf.RANGE ? ranges : leaf.kind == Node.Leaf.MASK ? masks : otherLeaves).add(leaf);
        }
        Map<String, Long> bits = new LinkedHashMap<>();
        int position = 0;
        for (List<Node.Leaf> kind : List.of(ranges, masks, otherLeaves)) {
            for (Node.Leaf leaf : kind) {
                bits.put(leaf.key(), 1L << position++);
            }
        }
        long[] need = new long[rules.length];
        Term[] nested = new Term[rules.length];
        for (int r = 0; r < rules.length; r++) {
            Node.And root = rules[r].root();
            long conjunction = 0;
            boolean flat = true;
            for (Node child : root.children()) {
                if (child instanceof Node.Leaf leaf) {
                    conjunction |= bits.get(leaf.key());
                } else {
                    flat = false;
                }
            }
            if (flat) {
                need[r] = conjunction;
            } else {
                nested[r] = tree(root, bits);
            }
        }
        return new ConditionMasks(ranges, masks, otherLeaves, need, nested);
    }

    private static void collect(Node node, Map<String, Node.Leaf> distinct) {
        if (node instanceof Node.Leaf leaf) {
            distinct.putIfAbsent(leaf.key(), leaf);
        } else if (node instanceof Node.And and) {
            for (Node child : and.children()) {
                collect(child, distinct);
            }
        } else if (node instanceof Node.Or or) {
            for (Node child : or.children()) {
                collect(child, distinct);
            }
        } else {
            collect(((Node.Negation) node).child(), distinct);
        }
    }

    private static Term tree(Node node, Map<String, Long> bits) {
        if (node instanceof Node.Leaf leaf) {
            return new Term(false, bits.get(leaf.key()), 0, new Term[0]);
        }
        if (node instanceof Node.Negation not) {
            return tree(not.child(), bits).negate();
        }
        boolean all = node instanceof Node.And;
        Node[] children = all ? ((Node.And) node).children() : ((Node.Or) node).children();
        long leaves = 0;
        List<Term> subs = new ArrayList<>();
        for (Node child : children) {
            if (child instanceof Node.Leaf leaf) {
                leaves |= bits.get(leaf.key());
            } else {
                subs.add(tree(child, bits));
            }
        }
        if (all) {
            return new Term(false, leaves, 0, subs.toArray(new Term[0]));
        }
        Term[] negated = new Term[subs.size()];
        for (int i = 0; i < negated.length; i++) {
            negated[i] = subs.get(i).negate();
        }
        return new Term(true, 0, leaves, negated);
    }

    /**
     * Writes the positions of the rules true on the snapshot, ascending, into {@code out} and
     * returns their count; see {@link CompiledPatternSet#match}.
     */
    int match(Snapshot s, int[] out) {
        long t = 0;
        long f = 0;
        long bit = 1;
        for (int i = 0; i < rangeIndex.length; i++, bit <<= 1) {
            double x = s.get(rangeIndex[i]);
            double lo = rangeLo[i];
            double hi = rangeHi[i];
            t |= x >= lo & x <= hi ? bit : 0;
            f |= x < lo | x > hi ? bit : 0;
        }
        for (int i = 0; i < fieldIndex.length; i++) {
            double d = s.get(fieldIndex[i]) - fieldOffset[i];
            int v = (int) d;
            if (v == d && v >= 0 && v < fieldSize[i]) {
                t |= trueBits[fieldRow[i] + v];
                f |= falseBits[fieldRow[i] + v];
            }
        }
        for (int i = 0; i < others.length; i++) {
            long b = 1L << (othersShift + i);
            t |= others[i].isTrue(s) ? b : 0;
            f |= others[i].isFalse(s) ? b : 0;
        }
        int count = 0;
        for (int r = 0; r < need.length; r++) {
            Term tree = nested[r];
            long n = need[r];
            boolean matched = tree == null ? (t & n) == n : tree.isTrue(t, f);
            // written unconditionally, kept by counting: no branch on the data
            out[count] = r;
            count += matched ? 1 : 0;
        }
        return count;
    }

    /**
     * A rule's shape over the condition masks, in Kleene's three-valued logic: a conjunction of
     * conditions that must be true ({@code yes}), conditions that must be false ({@code no}) and
     * nested terms, possibly negated. One final class for every shape (a condition is a
     * conjunction of one, a negation flips {@code negated}, a disjunction is the negated
     * conjunction of its negated children by De Morgan, which holds in Kleene's logic), so the
     * calls stay monomorphic.
     */
    private static final class Term {
        private final boolean negated;
        private final long yes;
        private final long no;
        private final Term[] subs;

        Term(boolean negated, long yes, long no, Term[] subs) {
            this.negated = negated;
            this.yes = yes;
            this.no = no;
            this.subs = subs;
        }

        Term negate() {
            return new Term(!negated, yes, no, subs);
        }

        boolean isTrue(long t, long f) {
            return negated ? conjunctionFalse(t, f) : conjunctionTrue(t, f);
        }

        boolean isFalse(long t, long f) {
            return negated ? conjunctionTrue(t, f) : conjunctionFalse(t, f);
        }

        private boolean conjunctionTrue(long t, long f) {
            if ((t & yes) != yes || (f & no) != no) {
                return false;
            }
            for (Term sub : subs) {
                if (!sub.isTrue(t, f)) {
                    return false;
                }
            }
            return true;
        }

        private boolean conjunctionFalse(long t, long f) {
            if ((f & yes) != 0 || (t & no) != 0) {
                return true;
            }
            for (Term sub : subs) {
                if (sub.isFalse(t, f)) {
                    return true;
                }
            }
            return false;
        }
    }
}
