package io.edgeloop.admin.auth;

/**
 * What an operator account may do. An OPERATOR reads everything and decides proposals (approve,
 * reject, roll back); a VIEWER reads everything and decides nothing.
 */
public enum Role {
    OPERATOR,
    VIEWER;

    /** Whether this role may send approval decisions. */
    public boolean mayDecide() {
        return this == OPERATOR;
    }
}
