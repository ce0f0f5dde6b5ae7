package io.edgeloop.core.rules;

import io.edgeloop.core.snapshot.Field;
import io.edgeloop.core.snapshot.Fields;
import io.edgeloop.core.snapshot.Snapshot;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Assume;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Invariants of the matcher over generated rules and snapshots: it agrees with a direct
 * reading of Kleene's logic over the AST, an empty snapshot matches nothing, {@code not} is the
 * exact complement where the rule is known, and JSON round-trips.
 */
class RulePropertiesTest {

    private static final List<String> NUMBERS = List.of("htf_score", "completion", "signal_count");
    private static final List<String> BOOLEANS = List.of("momentum_elite", "sq_on_ltf");
    private static final List<String> DIRECTIONS = List.of("st_flip_1h", "ema_cross_ltf");
    private static final List<String> CATEGORIES = List.of("state", "phase_zone");
    private static final List<String> ALL_FIELDS = List.of("htf_score", "completion", "signal_count", "momentum_elite",
            "sq_on_ltf", "st_flip_1h", "ema_cross_ltf", "state", "phase_zone");

    @Property(tries = 400, seed = "20240611")
    void shouldAgreeWithDirectKleeneEvaluation(@ForAll("rules") Rule rule, @ForAll("snapshots") Snapshot s) {
        Assume.that(RuleValidator.validate(rule).isEmpty());
        CompiledRule compiled = CompiledRule.compile(rule);
        Truth expected = reference(rule, s);
        assertThat(compiled.evaluate(s)).isEqualTo(expected);
        assertThat(compiled.matches(s)).isEqualTo(expected == Truth.TRUE);
    }

    @Property(tries = 300, seed = "20240612")
    void shouldMatchNothingOnAnEmptySnapshot(@ForAll("rules") Rule rule) {
        Assume.that(RuleValidator.validate(rule).isEmpty() && RuleValidator.validate(Rule.not(rule)).isEmpty());
        assertThat(CompiledRule.compile(rule).matches(new Snapshot())).isFalse();
        assertThat(CompiledRule.compile(Rule.not(rule)).matches(new Snapshot())).isFalse();
    }

    @Property(tries = 300, seed = "20240613")
    void shouldMatchNegationExactlyWhenRuleIsFalse(@ForAll("rules") Rule rule, @ForAll("snapshots") Snapshot s) {
        Assume.that(RuleValidator.validate(rule).isEmpty() && RuleValidator.validate(Rule.not(rule)).isEmpty());
        Truth t = CompiledRule.compile(rule).evaluate(s);
        assertThat(CompiledRule.compile(Rule.not(rule)).matches(s)).isEqualTo(t == Truth.FALSE);
    }

    @Property(tries = 300, seed = "20240614")
    void shouldRoundTripThroughJson(@ForAll("rules") Rule rule) {
        Assume.that(RuleValidator.validate(rule).isEmpty());
        assertThat(RuleJson.parse(RuleJson.write(rule))).isEqualTo(rule);
        assertThat(RuleJson.parse(RuleJson.writePretty(rule))).isEqualTo(rule);
    }

    @Provide
    Arbitrary<Rule> rules() {
        return rule(3);
    }

    private Arbitrary<Rule> rule(int depth) {
        if (depth == 0) {
            return condition();
        }
        Arbitrary<Rule> child = Arbitraries.lazy(() -> rule(depth - 1));
        return Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(4, condition()),
                net.jqwik.api.Tuple.of(2, child.list().ofMinSize(1).ofMaxSize(3).map(Rule.All::new)),
                net.jqwik.api.Tuple.of(2, child.list().ofMinSize(1).ofMaxSize(3).map(Rule.Any::new)),
                net.jqwik.api.Tuple.of(1, child.map(Rule.Not::new)));
    }

    private Arbitrary<Rule> condition() {
        return Arbitraries.oneOf(numberCondition(), booleanCondition(), directionCondition(), categoryCondition());
    }

    private Arbitrary<Rule> numberCondition() {
        Arbitrary<String> field = Arbitraries.of(NUMBERS);
        Arbitrary<Double> fraction = Arbitraries.doubles().between(0.05, 0.95).ofScale(2);
        return Combinators.combine(field, Arbitraries.of(Op.EQ, Op.NEQ, Op.GT, Op.GTE, Op.LT, Op.LTE, Op.BETWEEN, Op.IN),
                fraction, fraction).as((name, op, a, b) -> {
                    Field f = Fields.byName(name).orElseThrow();
                    double x = f.min() + a * (f.max() - f.min());
                    double y = f.min() + b * (f.max() - f.min());
                    Value v = switch (op) {
                        case BETWEEN -> Value.range(Math.min(x, y), Math.max(x, y));
                        case IN -> Value.numbers(x, y);
                        default -> Value.of(x);
                    };
                    return new Rule.Condition(name, op, v);
                });
    }

    private Arbitrary<Rule> booleanCondition() {
        return Combinators.combine(Arbitraries.of(BOOLEANS), Arbitraries.of(Op.EQ, Op.NEQ, Op.TRUTHY, Op.FALSY),
                Arbitraries.of(true, false)).as((name, op, b) ->
                new Rule.Condition(name, op, op == Op.TRUTHY || op == Op.FALSY ? Value.none() : Value.of(b)));
    }

    private Arbitrary<Rule> directionCondition() {
        return Combinators.combine(Arbitraries.of(DIRECTIONS),
                Arbitraries.of(Op.EQ, Op.NEQ, Op.GT, Op.LT, Op.TRUTHY, Op.FALSY, Op.IN), Arbitraries.of(-1.0, 0.0, 1.0))
                .as((name, op, d) -> new Rule.Condition(name, op, switch (op) {
                    case TRUTHY, FALSY -> Value.none();
                    case IN -> Value.numbers(d, d == 1 ? -1 : d + 1);
                    default -> Value.of(d);
                }));
    }

    private Arbitrary<Rule> categoryCondition() {
        return Combinators.combine(Arbitraries.of(CATEGORIES), Arbitraries.of(Op.EQ, Op.NEQ, Op.IN),
                Arbitraries.integers().between(0, 3)).as((name, op, i) -> {
                    Field f = Fields.byName(name).orElseThrow();
                    String c = f.categories().get(i % f.categories().size());
                    String d = f.categories().get((i + 1) % f.categories().size());
                    return new Rule.Condition(name, op, op == Op.IN ? Value.names(c, d) : Value.of(c));
                });
    }

    @Provide
    Arbitrary<Snapshot> snapshots() {
        Arbitrary<Double> fraction = Arbitraries.doubles().between(0, 1).ofScale(2);
        Arbitrary<Boolean> present = Arbitraries.of(true, true, false);
        return Combinators.combine(fraction.list().ofSize(ALL_FIELDS.size()), present.list().ofSize(ALL_FIELDS.size()))
                .as((values, presence) -> {
                    Snapshot s = new Snapshot();
                    for (int i = 0; i < ALL_FIELDS.size(); i++) {
                        if (presence.get(i)) {
                            Field f = Fields.byName(ALL_FIELDS.get(i)).orElseThrow();
                            double x = f.min() + values.get(i) * (f.max() - f.min());
                            s.set(f, f.type() == io.edgeloop.core.snapshot.FieldType.NUMBER ? x : Math.rint(x));
                        }
                    }
                    return s;
                });
    }

    /** Kleene's strong three-valued logic read straight off the AST, as the specification. */
    private static Truth reference(Rule rule, Snapshot s) {
        if (rule instanceof Rule.All all) {
            List<Truth> ts = all.rules().stream().map(r -> reference(r, s)).toList();
            return ts.contains(Truth.FALSE) ? Truth.FALSE : ts.contains(Truth.UNKNOWN) ? Truth.UNKNOWN : Truth.TRUE;
        }
        if (rule instanceof Rule.Any any) {
            List<Truth> ts = any.rules().stream().map(r -> reference(r, s)).toList();
            return ts.contains(Truth.TRUE) ? Truth.TRUE : ts.contains(Truth.UNKNOWN) ? Truth.UNKNOWN : Truth.FALSE;
        }
        if (rule instanceof Rule.Not not) {
            Truth t = reference(not.rule(), s);
            return t == Truth.TRUE ? Truth.FALSE : t == Truth.FALSE ? Truth.TRUE : Truth.UNKNOWN;
        }
        Rule.Condition c = (Rule.Condition) rule;
        Field f = Fields.byName(c.field()).orElseThrow();
        double x = s.get(f);
        if (Double.isNaN(x)) {
            return Truth.UNKNOWN;
        }
        boolean result = switch (c.op()) {
            case EQ -> x == code(f, c.value());
            case NEQ -> x != code(f, c.value());
            case GT -> x > code(f, c.value());
            case GTE -> x >= code(f, c.value());
            case LT -> x < code(f, c.value());
            case LTE -> x <= code(f, c.value());
            case BETWEEN -> x >= ((Value.Range) c.value()).lo() && x <= ((Value.Range) c.value()).hi();
            case IN -> ((Value.Items) c.value()).items().stream().anyMatch(v -> code(f, v) == x);
            case TRUTHY -> x != 0;
            case FALSY -> x == 0;
        };
        return result ? Truth.TRUE : Truth.FALSE;
    }

    private static double code(Field f, Value v) {
        if (v instanceof Value.Num n) {
            return n.value();
        }
        if (v instanceof Value.Bool b) {
            return b.value() ? 1 : 0;
        }
        return f.categoryIndex(((Value.Text) v).value());
    }
}
