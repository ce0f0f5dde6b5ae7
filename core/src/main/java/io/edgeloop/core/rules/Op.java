package io.edgeloop.core.rules;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The comparison a {@link Rule.Condition} applies to one snapshot field. Every op is false for
 * an absent field (see {@link CompiledRule} for the three-valued semantics).
 */
public enum Op {
    /** Field equals the value. */
    EQ("eq", "==", Operand.SCALAR),
    /** Field differs from the value. */
    NEQ("neq", "!=", Operand.SCALAR),
    /** Field is strictly greater than the value (numbers and directions). */
    GT("gt", ">", Operand.SCALAR),
    /** Field is greater than or equal to the value (numbers and directions). */
    GTE("gte", ">=", Operand.SCALAR),
    /** Field is strictly less than the value (numbers and directions). */
    LT("lt", "<", Operand.SCALAR),
    /** Field is less than or equal to the value (numbers and directions). */
    LTE("lte", "<=", Operand.SCALAR),
    /** Field lies in the closed range {@code [lo, hi]} (numbers and directions). */
    BETWEEN("between", "between", Operand.RANGE),
    /** Field equals one of the listed values. */
    IN("in", "in", Operand.LIST),
    /** Boolean true, or a direction other than 0. */
    TRUTHY("truthy", "is truthy", Operand.NONE),
    /** Boolean false, or direction 0. */
    FALSY("falsy", "is falsy", Operand.NONE);

    /** The shape of value an op takes. */
    public enum Operand {
        /** No value: truthy, falsy. */
        NONE,
        /** One number, boolean or category name. */
        SCALAR,
        /** Two numbers {@code [lo, hi]}. */
        RANGE,
        /** A non-empty list of scalars. */
        LIST
    }

    private final String json;
    private final String symbol;
    private final Operand operand;

    Op(String json, String symbol, Operand operand) {
        this.json = json;
        this.symbol = symbol;
        this.operand = operand;
    }

    /** The spelling in JSON and Avro: {@code eq, neq, gt, gte, lt, lte, between, in, truthy, falsy}. */
    public String json() {
        return json;
    }

    /** The spelling in human messages, e.g. {@code >=}. */
    public String symbol() {
        return symbol;
    }

    public Operand operand() {
        return operand;
    }

    /** True for gt, gte, lt, lte and between: ops that need an ordered field. */
    public boolean ordered() {
        return this == GT || this == GTE || this == LT || this == LTE || this == BETWEEN;
    }

    /** Finds an op by its JSON spelling (case-insensitive). */
    public static Optional<Op> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String t = text.trim().toLowerCase(Locale.ROOT);
        return Arrays.stream(values()).filter(op -> op.json.equals(t)).findFirst();
    }

    /** Every JSON spelling, comma separated, for error messages. */
    public static String spellings() {
        return Arrays.stream(values()).map(Op::json).collect(Collectors.joining(", "));
    }
}
