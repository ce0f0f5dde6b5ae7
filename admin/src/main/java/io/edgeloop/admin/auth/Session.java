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
 */
public record Session(String id, Operator operator, String csrfToken, Instant expiresAt) {

    public Session {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(operator, "operator");
        Objects.requireNonNull(csrfToken, "csrfToken");
        Objects.requireNonNull(expiresAt, "expiresAt");
    }
}
