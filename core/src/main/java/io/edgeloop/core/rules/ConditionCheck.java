package io.edgeloop.core.rules;

import io.edgeloop.core.snapshot.Field;
import io.edgeloop.core.snapshot.FieldType;
import io.edgeloop.core.snapshot.Fields;

import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * Checks one condition against the field registry: the field exists, the op and value fit the
 * field's type, the value is well formed, and the condition neither never nor always holds on
 * the field's range.
 */
final class ConditionCheck {

    private ConditionCheck() {
    }

    /** Adds the condition's problems; returns its field when the condition is valid, else null. */
    static Field check(String path, Rule.Condition c, List<Problem> out) {
        Field field = Fields.byName(c.field()).orElse(null);
        if (field == null) {
            List<String> names = Fields.all().stream().filter(Fields::ruleInput).map(Field::name).toList();
            out.add(new Problem(path + ".field", Problem.Kind.UNKNOWN_FIELD,
                    "unknown field '" + c.field() + "'" + Suggestions.hint(c.field(), names)));
            return null;
        }
        if (!Fields.ruleInput(field)) {
            out.add(new Problem(path + ".field", Problem.Kind.NOT_A_RULE_INPUT, "'" + field.name()
                    + "' is set after the patterns are matched (the kanban moves on the matches); no rule can read it"));
            return null;
        }
        int before = out.size();
        checkShape(path, field, c, out);
        if (out.size() == before) {
            checkType(path, field, c, out);
        }
        if (out.size() == before) {
            checkRange(path, field, c, out);
        }
        return out.size() == before ? field : null;
    }

    private static void checkShape(String path, Field field, Rule.Condition c, List<Problem> out) {
        Value v = c.value();
        String at = path + ".value";
        switch (c.op().operand()) {
            case NONE -> {
                if (!(v instanceof Value.None)) {
                    out.add(new Problem(at, Problem.Kind.BAD_VALUE, c.op().json() + " takes no value, got " + v.describe()));
                }
            }
            case SCALAR -> {
                if (!(v instanceof Value.Num || v instanceof Value.Bool || v instanceof Value.Text)) {
                    out.add(new Problem(at, Problem.Kind.BAD_VALUE, c.op().json() + " takes one value ("
                            + expected(field) + "), got " + describeOrNothing(v)));
                } else if (v instanceof Value.Num n && !Double.isFinite(n.value())) {
                    out.add(new Problem(at, Problem.Kind.BAD_VALUE, "value must be a finite number, got " + n.value()));
                }
            }
            case RANGE -> {
                if (!(v instanceof Value.Range r)) {
                    out.add(new Problem(at, Problem.Kind.BAD_VALUE, "between takes [lo, hi], got " + describeOrNothing(v)));
                } else if (!Double.isFinite(r.lo()) || !Double.isFinite(r.hi())) {
                    out.add(new Problem(at, Problem.Kind.BAD_VALUE, "between bounds must be finite numbers, got " + r.describe()));
                } else if (r.lo() > r.hi()) {
                    out.add(new Problem(at, Problem.Kind.BAD_VALUE,
                            "between needs lo <= hi, got " + r.describe() + " (swap the bounds?)"));
                }
            }
            case LIST -> {
                if (!(v instanceof Value.Items items)) {
                    out.add(new Problem(at, Problem.Kind.BAD_VALUE, "in takes a list of values, got " + describeOrNothing(v)));
                } else if (items.items().isEmpty()) {
                    out.add(new Problem(at, Problem.Kind.BAD_VALUE, "in needs at least one value"));
                } else {
                    for (int i = 0; i < items.items().size(); i++) {
                        if (items.items().get(i) instanceof Value.Num n && !Double.isFinite(n.value())) {
                            out.add(new Problem(at + "[" + i + "]", Problem.Kind.BAD_VALUE,
                                    "value must be a finite number, got " + n.value()));
                        }
                    }
                }
            }
        }
    }

    private static void checkType(String path, Field field, Rule.Condition c, List<Problem> out) {
        Op op = c.op();
        FieldType type = field.type();
        if (op.ordered() && (type == FieldType.CATEGORY || type == FieldType.BOOLEAN)) {
            out.add(new Problem(path + ".op", Problem.Kind.WRONG_TYPE, op.json() + " does not apply to "
                    + kind(type) + " field " + field.name() + "; use " + (type == FieldType.BOOLEAN
                    ? "truthy, falsy or eq true/false" : "eq, neq or in with " + field.categories())));
            return;
        }
        if (op == Op.IN && type == FieldType.BOOLEAN) { // a set of flags has no Avro form, and eq says the same
            out.add(new Problem(path + ".op", Problem.Kind.WRONG_TYPE, "in does not apply to boolean field "
                    + field.name() + "; use truthy, falsy or eq true/false"));
            return;
        }
        if ((op == Op.TRUTHY || op == Op.FALSY) && (type == FieldType.NUMBER || type == FieldType.CATEGORY)) {
            out.add(new Problem(path + ".op", Problem.Kind.WRONG_TYPE, op.json() + " applies to boolean and direction "
                    + "fields, not to " + kind(type) + " field " + field.name()
                    + (type == FieldType.NUMBER ? "; compare with a number instead (e.g. neq 0)" : "; use eq or in")));
            return;
        }
        Value v = c.value();
        if (v instanceof Value.Items items) {
            for (int i = 0; i < items.items().size(); i++) {
                checkScalar(path + ".value[" + i + "]", field, items.items().get(i), op, out);
            }
        } else if (v instanceof Value.Num || v instanceof Value.Bool || v instanceof Value.Text) {
            checkScalar(path + ".value", field, v, op, out);
        }
    }

    private static void checkScalar(String at, Field field, Value v, Op op, List<Problem> out) {
        switch (field.type()) {
            case NUMBER -> {
                if (!(v instanceof Value.Num)) {
                    out.add(wrongValue(at, field, v));
                }
            }
            case BOOLEAN -> {
                if (!(v instanceof Value.Bool)) {
                    out.add(wrongValue(at, field, v));
                }
            }
            case DIRECTION -> {
                if (!(v instanceof Value.Num n)) {
                    out.add(wrongValue(at, field, v));
                } else if (!op.ordered() && n.value() != -1 && n.value() != 0 && n.value() != 1) {
                    out.add(new Problem(at, Problem.Kind.WRONG_TYPE, "direction field " + field.name()
                            + " takes -1, 0 or 1, got " + n.describe()));
                }
            }
            case CATEGORY -> {
                if (!(v instanceof Value.Text t)) {
                    out.add(wrongValue(at, field, v));
                } else if (field.categoryIndex(t.value()) < 0) {
                    out.add(new Problem(at, Problem.Kind.WRONG_TYPE, "'" + t.value() + "' is not a category of "
                            + field.name() + " " + field.categories() + Suggestions.hint(t.value(), field.categories())));
                }
            }
        }
    }

    private static void checkRange(String path, Field field, Rule.Condition c, List<Problem> out) {
        int before = out.size();
        if (c.value() instanceof Value.Items items) {
            for (int i = 0; i < items.items().size(); i++) {
                Rule.Condition single = new Rule.Condition(c.field(), Op.EQ, items.items().get(i));
                if (ValueSet.of(field, single).isEmpty()) {
                    out.add(new Problem(path + ".value[" + i + "]", Problem.Kind.NEVER_TRUE, "value "
                            + items.items().get(i).describe() + " lies outside " + field.name() + "'s range " + range(field)));
                }
            }
            if (out.size() > before) {
                return;
            }
        }
        ValueSet set = ValueSet.of(field, c);
        if (set.isEmpty()) {
            out.add(new Problem(path, Problem.Kind.NEVER_TRUE, c.describe() + " can never be true: "
                    + field.name() + " takes " + range(field)));
        } else if (set.isFull()) {
            out.add(new Problem(path, Problem.Kind.ALWAYS_TRUE, c.describe() + " holds for every value "
                    + field.name() + " can take (" + range(field) + "); drop it or tighten it"));
        }
    }

    private static Problem wrongValue(String at, Field field, Value v) {
        return new Problem(at, Problem.Kind.WRONG_TYPE, kind(field.type()) + " field " + field.name() + " takes "
                + expected(field) + ", not " + describeValue(v));
    }

    private static String describeValue(Value v) {
        if (v instanceof Value.Text t) {
            return "the text '" + t.value() + "'";
        }
        if (v instanceof Value.Bool b) {
            return "the boolean " + b.value();
        }
        return "the number " + v.describe();
    }

    private static String describeOrNothing(Value v) {
        return v instanceof Value.None ? "nothing" : v.describe();
    }

    private static String kind(FieldType type) {
        return type.name().toLowerCase(Locale.ROOT);
    }

    /** What values a field's conditions take, for messages. */
    static String expected(Field field) {
        return switch (field.type()) {
            case NUMBER -> (field.integral() ? "a whole number in " : "a number in ") + interval(field);
            case BOOLEAN -> "true or false";
            case DIRECTION -> "-1, 0 or 1";
            case CATEGORY -> "one of " + field.categories();
        };
    }

    /** The field's range as people read it: [-50, 50], [0, +inf), whole numbers in [0, 5], -1..1, or its category list. */
    static String range(Field field) {
        return switch (field.type()) {
            case NUMBER -> (field.integral() ? "whole numbers in " : "") + interval(field);
            case BOOLEAN -> "true/false";
            case DIRECTION -> "-1, 0, 1";
            case CATEGORY -> field.categories().stream().collect(Collectors.joining(", ", "[", "]"));
        };
    }

    /** A number field's bounds: [-50, 50], [0, +inf), (0, +inf) for a price, (-inf, +inf). */
    private static String interval(Field field) {
        return (field.min() == -Double.MAX_VALUE ? "(-inf" : field.min() == Double.MIN_VALUE ? "(0"
                : "[" + Value.formatNumber(field.min())) + ", "
                + (field.max() == Double.MAX_VALUE ? "+inf)" : Value.formatNumber(field.max()) + "]");
    }
}
