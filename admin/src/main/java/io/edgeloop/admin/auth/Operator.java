package io.edgeloop.admin.auth;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * An authenticated operator: the identity every decision carries.
 *
 * @param name account name, {@code [a-z][a-z0-9._-]{0,31}}
 * @param role what the account may do
 */
public record Operator(String name, Role role) {

    /** Legal account names: lower-case letters, digits, dot, underscore and dash, starting with a letter. */
    public static final Pattern NAME = Pattern.compile("[a-z][a-z0-9._-]{0,31}");

    public Operator {
        Objects.requireNonNull(name, "operator name");
        Objects.requireNonNull(role, "operator role");
        if (!NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("operator name must match " + NAME.pattern() + ", got '" + name + "'");
        }
    }

    /** The actor written into approvals: {@code operator:<name>}, as the changelog's proposedBy spells operators. */
    public String actor() {
        return "operator:" + name;
    }
}
