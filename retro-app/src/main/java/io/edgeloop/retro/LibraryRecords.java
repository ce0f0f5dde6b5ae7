package io.edgeloop.retro;

import io.edgeloop.core.rules.Direction;
import io.edgeloop.core.rules.Op;
import io.edgeloop.core.rules.PatternDefinition;
import io.edgeloop.core.rules.PatternOrigin;
import io.edgeloop.core.rules.PatternStatus;
import io.edgeloop.core.rules.Rule;
import io.edgeloop.core.rules.Value;
import io.edgeloop.core.stats.BetaPosterior;
import io.edgeloop.core.stats.BetaPrior;
import io.edgeloop.core.stats.Interval;
import io.edgeloop.core.stats.PatternStats;
import io.edgeloop.schemas.avro.RuleKind;
import io.edgeloop.schemas.avro.RuleNode;
import io.edgeloop.schemas.avro.RuleOp;
import io.edgeloop.schemas.avro.RuleValue;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Pattern definitions between the core form ({@link PatternDefinition}) and the Avro form of the
 * {@code pattern-library} topic and of a change's proposed pattern.
 *
 * <p>Rules map node for node: all, any, not and conditions (field, op by name, value: a number,
 * a flag, a category name, {@code [lo, hi]} for between, numbers or names for in). Origins map
 * SEED and OPERATOR by name and the core's DISCOVERED to the topic's RETROSPECTIVE.
 *
 * <p>Statistics: to Avro, the counts with the Beta posterior under the given prior (mean and
 * credible interval) and the averages; from Avro only n and hits come back (the topic carries
 * averages, not the sums the core keeps), which is all the retrospective reads.
 */
public final class LibraryRecords {

    private LibraryRecords() {
    }

    /** The Avro form of a pattern; {@code libraryVersion} is the version it belongs to (0 for a proposal). */
    public static io.edgeloop.schemas.avro.PatternDefinition toAvro(PatternDefinition p, long libraryVersion,
                                                                    BetaPrior prior, double level) {
        return io.edgeloop.schemas.avro.PatternDefinition.newBuilder()
                .setId(p.id())
                .setName(p.name())
                .setDescription(p.description())
                .setDirection(io.edgeloop.schemas.avro.Direction.valueOf(p.direction().name()))
                .setStatus(io.edgeloop.schemas.avro.PatternStatus.valueOf(p.status().name()))
                .setVersion(p.version())
                .setLibraryVersion(libraryVersion)
                .setOrigin(p.origin() == PatternOrigin.DISCOVERED ? io.edgeloop.schemas.avro.PatternOrigin.RETROSPECTIVE
                        : io.edgeloop.schemas.avro.PatternOrigin.valueOf(p.origin().name()))
                .setRule(toAvro(p.rule()))
                .setStats(stats(p.stats(), prior, level))
                .build();
    }

    /** The core form of a library record (statistics: n and hits only). */
    public static PatternDefinition fromAvro(io.edgeloop.schemas.avro.PatternDefinition p) {
        PatternOrigin origin = p.getOrigin() == io.edgeloop.schemas.avro.PatternOrigin.RETROSPECTIVE
                ? PatternOrigin.DISCOVERED : PatternOrigin.valueOf(p.getOrigin().name());
        io.edgeloop.schemas.avro.PatternStats s = p.getStats();
        PatternStats stats = new PatternStats(s.getN(), s.getHits(), 0, 0, 0, 0, 0, 0, 0, 0);
        return new PatternDefinition(p.getId(), p.getName(), p.getDescription(), Direction.valueOf(p.getDirection().name()),
                PatternStatus.valueOf(p.getStatus().name()), p.getVersion(), origin, fromAvro(p.getRule()), stats,
                Optional.empty());
    }

    /** A rule as an Avro node tree. */
    public static RuleNode toAvro(Rule rule) {
        RuleNode.Builder node = RuleNode.newBuilder().setChildren(new ArrayList<>());
        if (rule instanceof Rule.All all) {
            return node.setKind(RuleKind.ALL).setChildren(all.rules().stream().map(LibraryRecords::toAvro).toList())
                    .build();
        }
        if (rule instanceof Rule.Any any) {
            return node.setKind(RuleKind.ANY).setChildren(any.rules().stream().map(LibraryRecords::toAvro).toList())
                    .build();
        }
        if (rule instanceof Rule.Not not) {
            return node.setKind(RuleKind.NOT).setChildren(List.of(toAvro(not.rule()))).build();
        }
        Rule.Condition c = (Rule.Condition) rule;
        return node.setKind(RuleKind.CONDITION).setField(c.field()).setOp(RuleOp.valueOf(c.op().name()))
                .setValue(value(c)).build();
    }

    /** A rule from its Avro node tree. */
    public static Rule fromAvro(RuleNode node) {
        List<Rule> children = node.getChildren().stream().map(LibraryRecords::fromAvro).toList();
        return switch (node.getKind()) {
            case ALL -> new Rule.All(children);
            case ANY -> new Rule.Any(children);
            case NOT -> {
                if (children.size() != 1) {
                    throw new IllegalArgumentException("a NOT rule node needs exactly one child, has " + children.size());
                }
                yield new Rule.Not(children.get(0));
            }
            case CONDITION -> condition(node);
        };
    }

    private static RuleValue value(Rule.Condition c) {
        RuleValue.Builder v = RuleValue.newBuilder().setNumbers(new ArrayList<>()).setTexts(new ArrayList<>());
        Value value = c.value();
        if (value instanceof Value.None) {
            return null;
        } else if (value instanceof Value.Num n) {
            v.setNumber(n.value());
        } else if (value instanceof Value.Bool b) {
            v.setFlag(b.value());
        } else if (value instanceof Value.Text t) {
            v.setText(t.value());
        } else if (value instanceof Value.Range r) {
            v.setNumbers(List.of(r.lo(), r.hi()));
        } else {
            List<Double> numbers = new ArrayList<>();
            List<String> texts = new ArrayList<>();
            for (Value item : ((Value.Items) value).items()) {
                if (item instanceof Value.Num n) {
                    numbers.add(n.value());
                } else if (item instanceof Value.Text t) {
                    texts.add(t.value());
                } else {
                    throw new IllegalArgumentException("condition " + c.describe()
                            + ": an 'in' list of flags has no Avro form (use eq)");
                }
            }
            v.setNumbers(numbers).setTexts(texts);
        }
        return v.build();
    }

    private static Rule condition(RuleNode node) {
        if (node.getField() == null || node.getOp() == null) {
            throw new IllegalArgumentException("a CONDITION rule node needs a field and an op");
        }
        Op op = Op.valueOf(node.getOp().name());
        RuleValue v = node.getValue();
        Value value;
        if (v == null) {
            value = Value.none();
        } else if (op == Op.BETWEEN) {
            if (v.getNumbers().size() != 2) {
                throw new IllegalArgumentException("between on " + node.getField() + " needs [lo, hi], got "
                        + v.getNumbers());
            }
            value = Value.range(v.getNumbers().get(0), v.getNumbers().get(1));
        } else if (op == Op.IN) {
            value = v.getTexts().isEmpty() ? Value.numbers(v.getNumbers().stream().mapToDouble(Double::doubleValue)
                    .toArray()) : Value.names(v.getTexts().toArray(new String[0]));
        } else if (v.getNumber() != null) {
            value = Value.of(v.getNumber());
        } else if (v.getFlag() != null) {
            value = Value.of(v.getFlag());
        } else if (v.getText() != null) {
            value = Value.of(v.getText());
        } else {
            value = Value.none();
        }
        return new Rule.Condition(node.getField(), op, value);
    }

    private static io.edgeloop.schemas.avro.PatternStats stats(PatternStats s, BetaPrior prior, double level) {
        BetaPosterior posterior = s.posterior(prior);
        Interval ci = posterior.credibleInterval(level);
        return io.edgeloop.schemas.avro.PatternStats.newBuilder()
                .setN((int) s.n())
                .setHits((int) s.hits())
                .setAlpha(posterior.alpha())
                .setBeta(posterior.beta())
                .setHitRate(orNull(s.hitRate()))
                .setPosteriorMean(posterior.mean())
                .setLower(ci.lower())
                .setUpper(ci.upper())
                .setAvgReturnPct(orNull(s.avgReturn()))
                .setAvgMfePct(orNull(s.avgMfe()))
                .setAvgMaePct(orNull(s.n() == 0 ? Double.NaN : -s.avgMae()))
                .setExpectedValue(orNull(s.expectedValue()))
                .setUpdatedAt((Instant) null)
                .build();
    }

    private static Double orNull(double v) {
        return Double.isNaN(v) ? null : v;
    }
}
