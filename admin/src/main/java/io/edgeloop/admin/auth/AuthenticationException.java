package io.edgeloop.admin.auth;

/** A credential was missing or wrong; nothing was done. The message never says which part was wrong. */
public final class AuthenticationException extends RuntimeException {

    public AuthenticationException(String message) {
        super(message);
    }
}
