package io.edgeloop.resolver;

import io.edgeloop.core.rules.Direction;
import io.edgeloop.core.rules.Op;
import io.edgeloop.core.rules.PatternDefinition;
import io.edgeloop.core.rules.PatternOrigin;
import io.edgeloop.core.rules.PatternStatus;
import io.edgeloop.core.rules.ReferenceRate;
import io.edgeloop.core.rules.Rule;
import io.edgeloop.core.rules.SeedPatterns;
import io.edgeloop.core.rules.Value;
import io.edgeloop.core.stats.BetaPosterior;
import io.edgeloop.core.stats.BetaPrior;
import io.edgeloop.core.stats.Interval;
import io.edgeloop.schemas.avro.PatternStats;
import io.edgeloop.schemas.avro.RuleKind;
import io.edgeloop.schemas.avro.RuleNode;
import io.edgeloop.schemas.avro.RuleOp;
import io.edgeloop.schemas.avro.RuleValue;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Conversion between core's pattern model ({@link PatternDefinition}, {@link Rule}) and its Avro
 * form on the {@code pattern-library} and {@code model-changelog} topics
 * ({@link io.edgeloop.schemas.avro.PatternDefinition}, {@link RuleNode}).
 *
 * <ul>
 *   <li>Rules map node for node: all/any/not/condition to ALL/ANY/NOT/CONDITION; a condition's
 *       value to the {@link RuleValue} part its op takes (number, text or flag for a scalar,
 *       {@code numbers = [lo, hi]} for between, numbers or texts for in, none for truthy and
 *       falsy). An {@code in} list of booleans or of mixed kinds has no Avro form and is
 *       refused.</li>
 *   <li>Origins: SEED, DISCOVERED (Avro RETROSPECTIVE), OPERATOR.</li>
 *   <li>Statistics go one way. The Avro form carries the figures a reader wants (n, hits,
 *       posterior, interval, averages, EV), derived here from core's running sums with a prior
 *       and an interval level; the sums themselves are not in the contract, so
 *       {@link #toDomain} gives empty statistics (read the figures from the Avro record).</li>
 *   <li>The original model's reference hit rate of a seed is documentation that the Avro form
 *       does not carry; {@link #toDomain} restores it from {@link SeedPatterns} for a SEED
 *       pattern, so every seed survives the round trip unchanged.</li>
 * </ul>
 * Every refusal is an {@link IllegalArgumentException} that names the node ({@code $.all[2]}).
 */
public final class PatternMapping {

    private PatternMapping() {
    }

    /** The Avro form of a pattern; {@code stats} is the already derived Avro statistics. */
    public static io.edgeloop.schemas.avro.PatternDefinition toAvro(PatternDefinition p, long libraryVersion,
                                                                    PatternStats stats) {
        return io.edgeloop.schemas.avro.PatternDefinition.newBuilder()
                .setId(p.id())
                .setName(p.name())
                .setDescription(p.description())
                .setDirection(io.edgeloop.schemas.avro.Direction.valueOf(p.direction().name()))
                .setStatus(io.edgeloop.schemas.avro.PatternStatus.valueOf(p.status().name()))
                .setVersion(p.version())
                .setLibraryVersion(libraryVersion)
                .setOrigin(origin(p.origin()))
                .setRule(toAvro(p.rule()))
                .setStats(stats)
                .build();
    }

    /** The Avro form of a pattern with its statistics derived under a prior and an interval level. */
    public static io.edgeloop.schemas.avro.PatternDefinition toAvro(PatternDefinition p, long libraryVersion,
                                                                    BetaPrior prior, double level, Instant updatedAt) {
        return toAvro(p, libraryVersion, stats(p.stats(), prior, level, updatedAt));
    }

    /** Core's pattern of an Avro pattern, with empty statistics (see the class doc). */
    public static PatternDefinition toDomain(io.edgeloop.schemas.avro.PatternDefinition p) {
        PatternOrigin origin = origin(p.getOrigin());
        Optional<ReferenceRate> reference = origin == PatternOrigin.SEED
                ? SeedPatterns.byId(p.getId()).flatMap(PatternDefinition::reference) : Optional.empty();
        return new PatternDefinition(p.getId(), p.getName(), p.getDescription(),
                Direction.valueOf(p.getDirection().name()), PatternStatus.valueOf(p.getStatus().name()),
                p.getVersion(), origin, toDomain(p.getRule()), io.edgeloop.core.stats.PatternStats.EMPTY, reference);
    }

    /** The Avro form of a rule. */
    public static RuleNode toAvro(Rule rule) {
        return toAvro(rule, "$");
    }

    /** Core's rule of an Avro rule tree. */
    public static Rule toDomain(RuleNode node) {
        return toDomain(node, "$");
    }

    /**
     * The Avro statistics of core's running sums: n and hits; the Beta-Binomial posterior
     * Beta(alpha0 + hits, beta0 + n - hits) with its mean alpha / (alpha + beta) and equal-tailed
     * credible interval at {@code level} (Beta quantiles; {@link BetaPosterior}); the observed hit
     * rate hits / n; mean return, MFE and MAE (MAE as a non-positive percentage); and the
     * study's expected value (UP% x mean up move - DOWN% x mean down move) / 100
     * ({@link io.edgeloop.core.stats.PatternStats#moveExpectedValue()}). Averages are null while
     * n is 0.
     */
    public static PatternStats stats(io.edgeloop.core.stats.PatternStats s, BetaPrior prior, double level,
                                     Instant updatedAt) {
        BetaPosterior posterior = s.posterior(prior);
        Interval interval = posterior.credibleInterval(level);
        boolean none = s.n() == 0;
        return PatternStats.newBuilder()
                .setN(Math.toIntExact(s.n()))
                .setHits(Math.toIntExact(s.hits()))
                .setAlpha(posterior.alpha())
                .setBeta(posterior.beta())
                .setHitRate(none ? null : s.hitRate())
                .setPosteriorMean(posterior.mean())
                .setLower(interval.lower())
                .setUpper(interval.upper())
                .setAvgReturnPct(none ? null : s.avgReturn())
                .setAvgMfePct(none ? null : s.avgMfe())
                .setAvgMaePct(none ? null : 0.0 - s.avgMae())
                .setExpectedValue(none ? null : s.moveExpectedValue())
                .setUpdatedAt(updatedAt)
                .build();
    }

    static io.edgeloop.schemas.avro.PatternOrigin origin(PatternOrigin origin) {
        return origin == PatternOrigin.DISCOVERED ? io.edgeloop.schemas.avro.PatternOrigin.RETROSPECTIVE
                : io.edgeloop.schemas.avro.PatternOrigin.valueOf(origin.name());
    }

    static PatternOrigin origin(io.edgeloop.schemas.avro.PatternOrigin origin) {
        return origin == io.edgeloop.schemas.avro.PatternOrigin.RETROSPECTIVE ? PatternOrigin.DISCOVERED
                : PatternOrigin.valueOf(origin.name());
    }

    private static RuleNode toAvro(Rule rule, String path) {
        if (rule instanceof Rule.All all) {
            return junction(RuleKind.ALL, all.rules(), path + ".all");
        }
        if (rule instanceof Rule.Any any) {
            return junction(RuleKind.ANY, any.rules(), path + ".any");
        }
        if (rule instanceof Rule.Not not) {
            return RuleNode.newBuilder().setKind(RuleKind.NOT)
                    .setChildren(List.of(toAvro(not.rule(), path + ".not"))).build();
        }
        Rule.Condition c = (Rule.Condition) rule;
        return RuleNode.newBuilder().setKind(RuleKind.CONDITION).setField(c.field())
                .setOp(RuleOp.valueOf(c.op().name())).setValue(toAvro(c.value(), path + ".value")).build();
    }

    private static RuleNode junction(RuleKind kind, List<Rule> rules, String path) {
        List<RuleNode> children = new ArrayList<>(rules.size());
        for (int i = 0; i < rules.size(); i++) {
            children.add(toAvro(rules.get(i), path + "[" + i + "]"));
        }
        return RuleNode.newBuilder().setKind(kind).setChildren(children).build();
    }

    private static RuleValue toAvro(Value value, String path) {
        if (value instanceof Value.None) {
            return null;
        }
        RuleValue.Builder out = RuleValue.newBuilder();
        if (value instanceof Value.Num n) {
            return out.setNumber(n.value()).build();
        }
        if (value instanceof Value.Bool b) {
            return out.setFlag(b.value()).build();
        }
        if (value instanceof Value.Text t) {
            return out.setText(t.value()).build();
        }
        if (value instanceof Value.Range r) {
            return out.setNumbers(List.of(r.lo(), r.hi())).build();
        }
        List<Value> items = ((Value.Items) value).items();
        if (!items.isEmpty() && items.stream().allMatch(Value.Num.class::isInstance)) {
            return out.setNumbers(items.stream().map(v -> ((Value.Num) v).value()).toList()).build();
        }
        if (!items.isEmpty() && items.stream().allMatch(Value.Text.class::isInstance)) {
            return out.setTexts(items.stream().map(v -> ((Value.Text) v).value()).toList()).build();
        }
        throw new IllegalArgumentException(path + ": an 'in' list must hold only numbers or only names to have an "
                + "Avro form, got " + value.describe());
    }

    private static Rule toDomain(RuleNode node, String path) {
        if (node == null) {
            throw new IllegalArgumentException(path + ": missing rule node");
        }
        switch (node.getKind()) {
            case ALL:
                return new Rule.All(children(node, path + ".all"));
            case ANY:
                return new Rule.Any(children(node, path + ".any"));
            case NOT:
                if (node.getChildren().size() != 1) {
                    throw new IllegalArgumentException(path + ".not: needs exactly one child, got "
                            + node.getChildren().size());
                }
                return new Rule.Not(toDomain(node.getChildren().get(0), path + ".not"));
            default:
                return condition(node, path);
        }
    }

    private static List<Rule> children(RuleNode node, String path) {
        List<Rule> out = new ArrayList<>(node.getChildren().size());
        for (int i = 0; i < node.getChildren().size(); i++) {
            out.add(toDomain(node.getChildren().get(i), path + "[" + i + "]"));
        }
        return out;
    }

    private static Rule condition(RuleNode node, String path) {
        if (node.getField() == null || node.getField().isBlank()) {
            throw new IllegalArgumentException(path + ": a condition needs a field");
        }
        if (node.getOp() == null) {
            throw new IllegalArgumentException(path + ": condition on " + node.getField() + " needs an op");
        }
        Op op = Op.valueOf(node.getOp().name());
        return new Rule.Condition(node.getField(), op, value(op, node.getValue(), path + ".value"));
    }

    private static Value value(Op op, RuleValue v, String path) {
        switch (op.operand()) {
            case NONE:
                if (v != null && (v.getNumber() != null || v.getText() != null || v.getFlag() != null
                        || !v.getNumbers().isEmpty() || !v.getTexts().isEmpty())) {
                    throw new IllegalArgumentException(path + ": " + op.json() + " takes no value");
                }
                return Value.none();
            case SCALAR:
                return scalar(op, v, path);
            case RANGE:
                if (v == null || v.getNumbers().size() != 2) {
                    throw new IllegalArgumentException(path + ": between needs numbers [lo, hi]");
                }
                return Value.range(v.getNumbers().get(0), v.getNumbers().get(1));
            default:
                return list(v, path);
        }
    }

    private static Value scalar(Op op, RuleValue v, String path) {
        int set = v == null ? 0 : (v.getNumber() != null ? 1 : 0) + (v.getText() != null ? 1 : 0)
                + (v.getFlag() != null ? 1 : 0);
        if (set != 1) {
            throw new IllegalArgumentException(path + ": " + op.json() + " needs exactly one of number, text or flag");
        }
        if (v.getNumber() != null) {
            return Value.of(v.getNumber());
        }
        return v.getText() != null ? Value.of(v.getText()) : Value.of(v.getFlag());
    }

    private static Value list(RuleValue v, String path) {
        boolean numbers = v != null && !v.getNumbers().isEmpty();
        boolean texts = v != null && !v.getTexts().isEmpty();
        if (numbers == texts) {
            throw new IllegalArgumentException(path + ": in needs a non-empty list of numbers or of names");
        }
        return numbers ? new Value.Items(v.getNumbers().stream().map(Value::of).toList())
                : new Value.Items(v.getTexts().stream().map(Value::of).toList());
    }
}
