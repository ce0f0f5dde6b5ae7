package io.edgeloop.admin.auth;

import java.time.Instant;
import java.util.Objects;

/**
 * A logged-in dashboard session.
 *
 * @param id        the session cookie's value: 256 random bits, base64url
 * @param operator  who logged in
 * @param csrfToken the token every state-changing request must echo in {@code X-CSRF-Token}
 * @param expiresAt when the session ends, whatever happens
 * @param credential the operator's password hash in the operators file at login: the session's
 *                   requests are refused once the file no longer holds it (the password was changed)
 */
public record Session(String id, Operator operator, String csrfToken, Instant expiresAt, String credential) {

    public Session {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(operator, "operator");
        Objects.requireNonNull(csrfToken, "csrfToken");
        Objects.requireNonNull(expiresAt, "expiresAt");
        Objects.requireNonNull(credential, "credential");
    }

    /** The same session for the operator as the operators file describes them now (another role). */
    public Session as(Operator now) {
        return new Session(id, now, csrfToken, expiresAt, credential);
    }
}
