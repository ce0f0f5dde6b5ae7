package io.edgeloop.core.rules;

import io.edgeloop.core.snapshot.Field;
import io.edgeloop.core.snapshot.FieldType;
import io.edgeloop.core.snapshot.Fields;
import io.edgeloop.core.snapshot.Snapshot;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * A validated rule compiled once into a tree of primitive predicates over snapshot fields, for
 * matching at candle rate: no allocation, boxing or name lookup per match. Immutable and
 * thread-safe.
 *
 * <h2>Absent fields: three-valued logic</h2>
 * A field the snapshot does not have (NaN: not warmed up, or a timeframe the feed's profile
 * lacks) makes every condition on it <em>unknown</em>, and rules combine truth values by
 * Kleene's strong three-valued logic, as SQL does with NULL:
 * <ul>
 *   <li>{@code all}: true if every child is true, false if any child is false, else unknown;</li>
 *   <li>{@code any}: true if any child is true, false if every child is false, else unknown;</li>
 *   <li>{@code not}: swaps true and false, and keeps unknown unknown.</li>
 * </ul>
 * A rule <b>matches only when it is true</b>. So a condition on an absent field never matches,
 * and neither does {@code not(condition on an absent field)}: a rule concludes nothing from a
 * value that is not there, and a snapshot with every field absent (warm-up) matches no rule at
 * all, even one written with {@code not}. The alternative two-valued reading (absent =
 * false, so {@code not(c)} true) would make {@code not(sq_on_ltf truthy)} match every warm-up
 * bar. With this choice {@code not(x > 5)} matches exactly when {@code x <= 5} does, and De
 * Morgan's laws hold. A value outside a boolean, direction or category field's domain (a
 * non-integral or out-of-range code) is treated as absent.
 */
public final class CompiledRule {

    private final Rule rule;
    /** Always an And (a single condition becomes a one-child And) so the matcher's call is to one final class. */
    private final Node.And root;
    private final List<Field> fields;

    private CompiledRule(Rule rule, Node.And root, List<Field> fields) {
        this.rule = rule;
        this.root = root;
        this.fields = fields;
    }

    /** Validates and compiles; throws {@link InvalidRuleException} with every problem of an invalid rule. */
    public static CompiledRule compile(Rule rule) {
        RuleValidator.requireValid(rule);
        Set<Field> used = new LinkedHashSet<>();
        Node node = node(rule, used);
        Node.And root = node instanceof Node.And and ? and : new Node.And(new Node[] {node});
        return new CompiledRule(rule, root, List.copyOf(used));
    }

    /** True when the rule is definitely true on the snapshot. */
    public boolean matches(Snapshot snapshot) {
        return root.isTrue(snapshot);
    }

    /** The rule's three-valued truth on the snapshot, for diagnostics ("why did it not match?"). */
    public Truth evaluate(Snapshot snapshot) {
        if (root.isTrue(snapshot)) {
            return Truth.TRUE;
        }
        return root.isFalse(snapshot) ? Truth.FALSE : Truth.UNKNOWN;
    }

    /** The compiled tree (always an And at the root), for {@link ConditionMasks}. */
    Node.And root() {
        return root;
    }

    /** The source rule. */
    public Rule rule() {
        return rule;
    }

    /** The fields the rule reads, in first-use order. */
    public List<Field> fields() {
        return fields;
    }

    private static Node node(Rule rule, Set<Field> used) {
        if (rule instanceof Rule.All all) {
            return all.rules().size() == 1 ? node(all.rules().get(0), used) : new Node.And(children(all.rules(), used));
        }
        if (rule instanceof Rule.Any any) {
            return any.rules().size() == 1 ? node(any.rules().get(0), used) : new Node.Or(children(any.rules(), used));
        }
        if (rule instanceof Rule.Not not) {
            return new Node.Negation(node(not.rule(), used));
        }
        Rule.Condition c = (Rule.Condition) rule;
        Field field = Fields.byName(c.field()).orElseThrow();
        used.add(field);
        return field.type() == FieldType.NUMBER ? number(field, c) : Node.Leaf.mask(field, (ValueSet.Discrete) ValueSet.of(field, c));
    }

    private static Node[] children(List<Rule> rules, Set<Field> used) {
        List<Node> nodes = new ArrayList<>(rules.size());
        for (Rule r : rules) {
            nodes.add(node(r, used));
        }
        return nodes.toArray(new Node[0]);
    }

    private static Node number(Field field, Rule.Condition c) {
        double inf = Double.POSITIVE_INFINITY;
        Value v = c.value();
        return switch (c.op()) {
            case EQ -> Node.Leaf.range(field, num(v), num(v));
            case NEQ -> Node.Leaf.notEqual(field, num(v));
            case GT -> Node.Leaf.range(field, Math.nextUp(num(v)), inf);
            case GTE -> Node.Leaf.range(field, num(v), inf);
            case LT -> Node.Leaf.range(field, -inf, Math.nextDown(num(v)));
            case LTE -> Node.Leaf.range(field, -inf, num(v));
            case BETWEEN -> Node.Leaf.range(field, ((Value.Range) v).lo(), ((Value.Range) v).hi());
            case IN -> Node.Leaf.points(field, ((Value.Items) v).items().stream()
                    .mapToDouble(i -> ((Value.Num) i).value()).toArray());
            case TRUTHY, FALSY -> throw new IllegalStateException("validated rule has " + c.op() + " on a number");
        };
    }

    private static double num(Value v) {
        return ((Value.Num) v).value();
    }

    @Override
    public String toString() {
        return "CompiledRule" + rule;
    }
}
