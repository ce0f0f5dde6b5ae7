package io.edgeloop.core.rules;

import io.edgeloop.core.snapshot.Field;
import io.edgeloop.core.snapshot.Fields;
import io.edgeloop.core.snapshot.Snapshot;
import io.edgeloop.core.testing.Generators;
import io.edgeloop.core.testing.Generators.Gen;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static io.edgeloop.core.testing.Generators.between;
import static io.edgeloop.core.testing.Generators.decimals;
import static io.edgeloop.core.testing.Generators.frequencyOf;
import static io.edgeloop.core.testing.Generators.listOf;
import static io.edgeloop.core.testing.Generators.oneOf;
import static io.edgeloop.core.testing.Generators.weighted;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Invariants of the matcher over generated rules and snapshots: it agrees with a direct
 * reading of Kleene's logic over the AST, an empty snapshot matches nothing, {@code not} is the
 * exact complement where the rule is known, and JSON round-trips.
 *
 * <p>Each property runs 400 or 300 cases from a fixed base seed; a failure names the case seed
 * and shows the case. A case whose generated rule is invalid is skipped as an assumption
 * failure, and {@link #shouldGenerateEnoughValidRulesForEveryProperty()} keeps the skipped
 * share bounded, as jqwik's discard ratio did.
 */
class RulePropertiesTest {

    private static final List<String> NUMBERS = List.of("htf_score", "completion", "signal_count");
    private static final List<String> BOOLEANS = List.of("momentum_elite", "sq_on_ltf");
    private static final List<String> DIRECTIONS = List.of("st_flip_1h", "ema_cross_ltf");
    private static final List<String> CATEGORIES = List.of("state", "phase_zone");
    private static final List<String> ALL_FIELDS = List.of("htf_score", "completion", "signal_count", "momentum_elite",
            "sq_on_ltf", "st_flip_1h", "ema_cross_ltf", "state", "phase_zone");

    /** Nesting depth of generated rules: below it a rule is a single condition. */
    private static final int MAX_DEPTH = 3;
    /** jqwik's default: a property fails when it discards more than this many cases per case it checks. */
    private static final int MAX_DISCARD_RATIO = 5;

    private static final Gen<Rule> RULES = rule(MAX_DEPTH);
    private static final Gen<Snapshot> SNAPSHOTS = snapshots();

    /** A generated rule with the snapshot it is matched against, printed field by field on failure. */
    record Case(Rule rule, Snapshot snapshot) {
        @Override
        public String toString() {
            return rule + " on " + ALL_FIELDS.stream()
                    .map(name -> name + "=" + snapshot.get(Fields.byName(name).orElseThrow()))
                    .collect(Collectors.joining(", ", "{", "}"));
        }
    }

    static Stream<Long> kleeneCaseSeeds() {
        return Generators.seeds(20240611L, 400);
    }

    static Stream<Long> emptySnapshotCaseSeeds() {
        return Generators.seeds(20240612L, 300);
    }

    static Stream<Long> negationCaseSeeds() {
        return Generators.seeds(20240613L, 300);
    }

    static Stream<Long> setCaseSeeds() {
        return Generators.seeds(20240615L, 120);
    }

    static Stream<Long> jsonCaseSeeds() {
        return Generators.seeds(20240614L, 300);
    }

    @ParameterizedTest(name = "case seed {0}")
    @MethodSource("kleeneCaseSeeds")
    void shouldAgreeWithDirectKleeneEvaluation(long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        Case c = new Case(RULES.next(random), SNAPSHOTS.next(random));
        assumeTrue(isValid(c.rule()), "generated rule is invalid");
        Generators.check(seed, c, () -> {
            CompiledRule compiled = CompiledRule.compile(c.rule());
            Truth expected = reference(c.rule(), c.snapshot());
            assertThat(compiled.evaluate(c.snapshot())).isEqualTo(expected);
            assertThat(compiled.matches(c.snapshot())).isEqualTo(expected == Truth.TRUE);
        });
    }

    @ParameterizedTest(name = "case seed {0}")
    @MethodSource("emptySnapshotCaseSeeds")
    void shouldMatchNothingOnAnEmptySnapshot(long seed) {
        Rule rule = RULES.next(new SplittableRandom(seed));
        assumeTrue(isValidWithNegation(rule), "generated rule or its negation is invalid");
        Generators.check(seed, rule, () -> {
            assertThat(CompiledRule.compile(rule).matches(new Snapshot())).isFalse();
            assertThat(CompiledRule.compile(Rule.not(rule)).matches(new Snapshot())).isFalse();
        });
    }

    @ParameterizedTest(name = "case seed {0}")
    @MethodSource("negationCaseSeeds")
    void shouldMatchNegationExactlyWhenRuleIsFalse(long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        Case c = new Case(RULES.next(random), SNAPSHOTS.next(random));
        assumeTrue(isValidWithNegation(c.rule()), "generated rule or its negation is invalid");
        Generators.check(seed, c, () -> {
            Truth t = CompiledRule.compile(c.rule()).evaluate(c.snapshot());
            assertThat(CompiledRule.compile(Rule.not(c.rule())).matches(c.snapshot())).isEqualTo(t == Truth.FALSE);
        });
    }

    @ParameterizedTest(name = "case seed {0}")
    @MethodSource("setCaseSeeds")
    void shouldMatchASetOfRulesExactlyWhereEachRuleIsTrue(long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        List<Rule> rules = ruleSet(random);
        CompiledPatternSet set = patternSet(rules);
        int[] out = new int[set.size()];
        for (int k = 0; k < 20; k++) {
            Snapshot snapshot = SNAPSHOTS.next(random);
            Generators.check(seed, new Case(new Rule.Any(rules), snapshot), () -> {
                List<Integer> expected = new ArrayList<>();
                for (int i = 0; i < rules.size(); i++) {
                    if (reference(rules.get(i), snapshot) == Truth.TRUE) {
                        expected.add(i);
                    }
                }
                int n = set.match(snapshot, out);
                assertThat(Arrays.stream(out, 0, n).boxed().toList())
                        .as("matches of %d rules (masks: %s)", rules.size(), set.usesMasks()).isEqualTo(expected);
            });
        }
    }

    @Test
    void shouldTestBothMatchingPathsOfAPatternSet() {
        List<Boolean> masks = setCaseSeeds()
                .map(seed -> patternSet(ruleSet(new SplittableRandom(seed))).usesMasks()).toList();
        assertThat(masks).as("sets matched through condition masks and by walking the trees").contains(true, false);
        assertThat(CompiledPatternSet.of(SeedPatterns.all()).usesMasks()).isTrue();
    }

    /** 1 to 60 valid rules: small sets fit the condition masks, the largest exceed them and walk the trees. */
    private static List<Rule> ruleSet(SplittableRandom random) {
        int count = between(1, 60).next(random);
        List<Rule> rules = new ArrayList<>();
        while (rules.size() < count) {
            Rule rule = RULES.next(random);
            if (isValid(rule)) {
                rules.add(rule);
            }
        }
        return rules;
    }

    private static CompiledPatternSet patternSet(List<Rule> rules) {
        PatternDefinition seed = SeedPatterns.all().get(0);
        List<PatternDefinition> patterns = new ArrayList<>();
        for (int i = 0; i < rules.size(); i++) {
            patterns.add(new PatternDefinition("p" + i, "P" + i, "", Direction.UP, PatternStatus.CANDIDATE, 1,
                    PatternOrigin.OPERATOR, rules.get(i), seed.stats(), seed.reference()));
        }
        return CompiledPatternSet.of(patterns);
    }

    @ParameterizedTest(name = "case seed {0}")
    @MethodSource("jsonCaseSeeds")
    void shouldRoundTripThroughJson(long seed) {
        Rule rule = RULES.next(new SplittableRandom(seed));
        assumeTrue(isValid(rule), "generated rule is invalid");
        Generators.check(seed, rule, () -> {
            assertThat(RuleJson.parse(RuleJson.write(rule))).isEqualTo(rule);
            assertThat(RuleJson.parse(RuleJson.writePretty(rule))).isEqualTo(rule);
        });
    }

    @Test
    void shouldGenerateEnoughValidRulesForEveryProperty() {
        assertDiscardRatioBounded(kleeneCaseSeeds(), RulePropertiesTest::isValid);
        assertDiscardRatioBounded(emptySnapshotCaseSeeds(), RulePropertiesTest::isValidWithNegation);
        assertDiscardRatioBounded(negationCaseSeeds(), RulePropertiesTest::isValidWithNegation);
        assertDiscardRatioBounded(jsonCaseSeeds(), RulePropertiesTest::isValid);
    }

    @Test
    void shouldGenerateEveryRuleShapeAndNestToTheDepthLimit() {
        List<Rule> rules = kleeneCaseSeeds().map(seed -> RULES.next(new SplittableRandom(seed))).toList();
        assertThat(rules).hasAtLeastOneElementOfType(Rule.Condition.class)
                .hasAtLeastOneElementOfType(Rule.All.class)
                .hasAtLeastOneElementOfType(Rule.Any.class)
                .hasAtLeastOneElementOfType(Rule.Not.class);
        assertThat(rules.stream().mapToInt(RulePropertiesTest::depth).max().orElseThrow()).isEqualTo(MAX_DEPTH);
    }

    /** The cases a property skips (its rule is not usable) are at most {@link #MAX_DISCARD_RATIO} per case it checks. */
    private static void assertDiscardRatioBounded(Stream<Long> seeds, Predicate<Rule> usable) {
        List<Boolean> used = seeds.map(seed -> usable.test(RULES.next(new SplittableRandom(seed)))).toList();
        long checked = used.stream().filter(u -> u).count();
        assertThat(used.size() - checked)
                .as("%d of %d cases skipped", used.size() - checked, used.size())
                .isLessThanOrEqualTo(MAX_DISCARD_RATIO * checked);
    }

    private static boolean isValid(Rule rule) {
        return RuleValidator.validate(rule).isEmpty();
    }

    private static boolean isValidWithNegation(Rule rule) {
        return isValid(rule) && isValid(Rule.not(rule));
    }

    private static int depth(Rule rule) {
        if (rule instanceof Rule.All all) {
            return 1 + all.rules().stream().mapToInt(RulePropertiesTest::depth).max().orElse(0);
        }
        if (rule instanceof Rule.Any any) {
            return 1 + any.rules().stream().mapToInt(RulePropertiesTest::depth).max().orElse(0);
        }
        return rule instanceof Rule.Not not ? 1 + depth(not.rule()) : 0;
    }

    /**
     * A rule nested at most {@code depth} levels: a condition (weight 4), an all or any of one to
     * three sub-rules (weight 2 each), or a not (weight 1); at depth 0 always a condition.
     */
    private static Gen<Rule> rule(int depth) {
        if (depth == 0) {
            return condition();
        }
        Gen<Rule> child = rule(depth - 1);
        return frequencyOf(
                weighted(4, condition()),
                weighted(2, listOf(child, 1, 3).map(Rule.All::new)),
                weighted(2, listOf(child, 1, 3).map(Rule.Any::new)),
                weighted(1, child.map(Rule.Not::new)));
    }

    /** A condition on a number, boolean, direction or category field, each kind equally likely. */
    private static Gen<Rule> condition() {
        return frequencyOf(
                weighted(1, numberCondition()),
                weighted(1, booleanCondition()),
                weighted(1, directionCondition()),
                weighted(1, categoryCondition()));
    }

    private static Gen<Rule> numberCondition() {
        Gen<String> field = oneOf(NUMBERS);
        Gen<Op> op = oneOf(Op.EQ, Op.NEQ, Op.GT, Op.GTE, Op.LT, Op.LTE, Op.BETWEEN, Op.IN);
        Gen<Double> fraction = decimals(0.05, 0.95, 2);
        return random -> {
            String name = field.next(random);
            Op o = op.next(random);
            double a = fraction.next(random);
            double b = fraction.next(random);
            Field f = Fields.byName(name).orElseThrow();
            double x = f.min() + a * (f.max() - f.min());
            double y = f.min() + b * (f.max() - f.min());
            if (f.integral() && (o == Op.EQ || o == Op.NEQ || o == Op.IN)) {
                // a count is compared with whole numbers (a fraction never holds and is refused)
                x = Math.rint(x);
                y = Math.rint(y);
            }
            Value v = switch (o) {
                case BETWEEN -> Value.range(Math.min(x, y), Math.max(x, y));
                case IN -> Value.numbers(x, y);
                default -> Value.of(x);
            };
            return new Rule.Condition(name, o, v);
        };
    }

    private static Gen<Rule> booleanCondition() {
        Gen<String> field = oneOf(BOOLEANS);
        Gen<Op> op = oneOf(Op.EQ, Op.NEQ, Op.TRUTHY, Op.FALSY);
        Gen<Boolean> value = oneOf(true, false);
        return random -> {
            String name = field.next(random);
            Op o = op.next(random);
            boolean b = value.next(random);
            return new Rule.Condition(name, o, o == Op.TRUTHY || o == Op.FALSY ? Value.none() : Value.of(b));
        };
    }

    private static Gen<Rule> directionCondition() {
        Gen<String> field = oneOf(DIRECTIONS);
        Gen<Op> op = oneOf(Op.EQ, Op.NEQ, Op.GT, Op.LT, Op.TRUTHY, Op.FALSY, Op.IN);
        Gen<Double> direction = oneOf(-1.0, 0.0, 1.0);
        return random -> {
            String name = field.next(random);
            Op o = op.next(random);
            double d = direction.next(random);
            return new Rule.Condition(name, o, switch (o) {
                case TRUTHY, FALSY -> Value.none();
                case IN -> Value.numbers(d, d == 1 ? -1 : d + 1);
                default -> Value.of(d);
            });
        };
    }

    private static Gen<Rule> categoryCondition() {
        Gen<String> field = oneOf(CATEGORIES);
        Gen<Op> op = oneOf(Op.EQ, Op.NEQ, Op.IN);
        Gen<Integer> index = between(0, 3);
        return random -> {
            String name = field.next(random);
            Op o = op.next(random);
            int i = index.next(random);
            Field f = Fields.byName(name).orElseThrow();
            String c = f.categories().get(i % f.categories().size());
            String d = f.categories().get((i + 1) % f.categories().size());
            return new Rule.Condition(name, o, o == Op.IN ? Value.names(c, d) : Value.of(c));
        };
    }

    /**
     * A snapshot over {@link #ALL_FIELDS}: each field present with probability 2/3, at a
     * two-decimal fraction of its range (rounded to a whole number for counts and to a code for
     * boolean, direction and category fields), and absent (NaN) otherwise.
     */
    private static Gen<Snapshot> snapshots() {
        Gen<List<Double>> fractions = listOf(decimals(0, 1, 2), ALL_FIELDS.size(), ALL_FIELDS.size());
        Gen<List<Boolean>> presence = listOf(oneOf(true, true, false), ALL_FIELDS.size(), ALL_FIELDS.size());
        return random -> {
            List<Double> values = fractions.next(random);
            List<Boolean> present = presence.next(random);
            Snapshot s = new Snapshot();
            for (int i = 0; i < ALL_FIELDS.size(); i++) {
                if (present.get(i)) {
                    Field f = Fields.byName(ALL_FIELDS.get(i)).orElseThrow();
                    double x = f.min() + values.get(i) * (f.max() - f.min());
                    s.set(f, f.integral() ? Math.rint(x) : x);
                }
            }
            return s;
        };
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
