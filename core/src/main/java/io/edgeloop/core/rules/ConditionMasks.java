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
 * <p>The conditions are evaluated by kind in flat arrays (ranges, then integer-domain masks,
 * then the rare not-equal and point-list conditions), so the per-snapshot work is a few short
 * loops with no tree walk and no data-dependent branches; the masks are locals, so matching is
 * allocation-free and thread-safe. At most {@link #MAX_CONDITIONS} distinct conditions fit;
 * {@link #of} returns null above that and the caller walks the trees instead.
 */
final class ConditionMasks {

    /** Distinct conditions one mask holds. */
    static final int MAX_CONDITIONS = Long.SIZE;

    private final int[] rangeIndex;
    private final double[] rangeLo;
    private final double[] rangeHi;
    private final int[] maskIndex;
    private final int[] maskOffset;
    private final int[] maskSize;
    private final long[] maskSet;
    private final Node.Leaf[] others;
    private final int othersShift;
    /** Per rule: the conditions a pure conjunction needs; unused where {@link #nested} is set. */
    private final long[] need;
    /** Per rule: its mask tree when it is not a pure conjunction of conditions, else null. */
    private final MaskNode[] nested;

    private ConditionMasks(List<Node.Leaf> ranges, List<Node.Leaf> masks, List<Node.Leaf> otherLeaves, long[] need,
                           MaskNode[] nested) {
        rangeIndex = new int[ranges.size()];
        rangeLo = new double[ranges.size()];
        rangeHi = new double[ranges.size()];
        for (int i = 0; i < ranges.size(); i++) {
            rangeIndex[i] = ranges.get(i).index;
            rangeLo[i] = ranges.get(i).lo;
            rangeHi[i] = ranges.get(i).hi;
        }
        maskIndex = new int[masks.size()];
        maskOffset = new int[masks.size()];
        maskSize = new int[masks.size()];
        maskSet = new long[masks.size()];
        for (int i = 0; i < masks.size(); i++) {
            maskIndex[i] = masks.get(i).index;
            maskOffset[i] = masks.get(i).offset;
            maskSize[i] = masks.get(i).size;
            maskSet[i] = masks.get(i).mask;
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
        MaskNode[] nested = new MaskNode[rules.length];
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

    private static MaskNode tree(Node node, Map<String, Long> bits) {
        if (node instanceof Node.Leaf leaf) {
            return new MaskNode.Condition(bits.get(leaf.key()));
        }
        if (node instanceof Node.Negation not) {
            return new MaskNode.Not(tree(not.child(), bits));
        }
        boolean all = node instanceof Node.And;
        Node[] children = all ? ((Node.And) node).children() : ((Node.Or) node).children();
        long leaves = 0;
        List<MaskNode> subs = new ArrayList<>();
        for (Node child : children) {
            if (child instanceof Node.Leaf leaf) {
                leaves |= bits.get(leaf.key());
            } else {
                subs.add(tree(child, bits));
            }
        }
        if (all) {
            return new MaskNode.All(leaves, 0, subs.toArray(new MaskNode[0]));
        }
        MaskNode[] negated = new MaskNode[subs.size()];
        for (int i = 0; i < negated.length; i++) {
            negated[i] = new MaskNode.Not(subs.get(i));
        }
        return new MaskNode.Not(new MaskNode.All(0, leaves, negated));
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
        for (int i = 0; i < maskIndex.length; i++, bit <<= 1) {
            double d = s.get(maskIndex[i]) - maskOffset[i];
            int v = (int) d;
            boolean known = v == d & v >= 0 & v < maskSize[i];
            boolean admitted = (maskSet[i] >>> v & 1L) != 0;
            t |= known & admitted ? bit : 0;
            f |= known & !admitted ? bit : 0;
        }
        for (int i = 0; i < others.length; i++) {
            long b = 1L << (othersShift + i);
            t |= others[i].isTrue(s) ? b : 0;
            f |= others[i].isFalse(s) ? b : 0;
        }
        int count = 0;
        for (int r = 0; r < need.length; r++) {
            MaskNode tree = nested[r];
            long n = need[r];
            if (tree == null ? (t & n) == n : tree.isTrue(t, f)) {
                out[count++] = r;
            }
        }
        return count;
    }

    /** A rule's shape over the condition masks, in Kleene's three-valued logic. */
    private abstract static class MaskNode {

        abstract boolean isTrue(long t, long f);

        abstract boolean isFalse(long t, long f);

        /** One condition. */
        static final class Condition extends MaskNode {
            private final long bit;

            Condition(long bit) {
                this.bit = bit;
            }

            @Override
            boolean isTrue(long t, long f) {
                return (t & bit) != 0;
            }

            @Override
            boolean isFalse(long t, long f) {
                return (f & bit) != 0;
            }
        }

        /**
         * Conjunction: the conditions that must be true ({@code yes}) and those that must be
         * false ({@code no}) as masks, nested children as nodes. A disjunction is the negation of
         * the conjunction of its negated children (De Morgan, which holds in Kleene's logic).
         */
        static final class All extends MaskNode {
            private final long yes;
            private final long no;
            private final MaskNode[] subs;

            All(long yes, long no, MaskNode[] subs) {
                this.yes = yes;
                this.no = no;
                this.subs = subs;
            }

            @Override
            boolean isTrue(long t, long f) {
                if ((t & yes) != yes || (f & no) != no) {
                    return false;
                }
                for (MaskNode sub : subs) {
                    if (!sub.isTrue(t, f)) {
                        return false;
                    }
                }
                return true;
            }

            @Override
            boolean isFalse(long t, long f) {
                if ((f & yes) != 0 || (t & no) != 0) {
                    return true;
                }
                for (MaskNode sub : subs) {
                    if (sub.isFalse(t, f)) {
                        return true;
                    }
                }
                return false;
            }
        }

        /** Negation: swaps true and false. */
        static final class Not extends MaskNode {
            private final MaskNode child;

            Not(MaskNode child) {
                this.child = child;
            }

            @Override
            boolean isTrue(long t, long f) {
                return child.isFalse(t, f);
            }

            @Override
            boolean isFalse(long t, long f) {
                return child.isTrue(t, f);
            }
        }
    }
}
