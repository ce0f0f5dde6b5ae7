package io.edgeloop.admin.approve;

/** An authenticated operator asked for something their role does not allow; nothing was done. */
public final class ForbiddenException extends RuntimeException {

    public ForbiddenException(String message) {
        super(message);
    }
}
