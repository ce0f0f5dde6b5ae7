package io.edgeloop.admin.auth;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Dashboard sessions in memory: a session id and a CSRF token per login, each 256 bits from
 * {@link SecureRandom}, valid for a fixed time to live from login (not extended by use). A
 * restart of the admin logs everyone out, which is the safe direction.
 */
public final class Sessions {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final int TOKEN_BYTES = 32;

    private final Duration ttl;
    private final Clock clock;
    private final Map<String, Session> sessions = new ConcurrentHashMap<>();

    public Sessions(Duration ttl, Clock clock) {
        if (ttl.isNegative() || ttl.isZero()) {
            throw new IllegalArgumentException("session ttl must be positive, got " + ttl);
        }
        this.ttl = ttl;
        this.clock = clock;
    }

    /** A new session for the operator, who logged in with the account whose hash is {@code credential}. */
    public Session open(Operator operator, String credential) {
        purgeExpired();
        Session session = new Session(token(), operator, token(), clock.instant().plus(ttl), credential);
        sessions.put(session.id(), session);
        return session;
    }

    /** The live session with this id; an expired one is removed and not returned. */
    public Optional<Session> find(String id) {
        if (id == null) {
            return Optional.empty();
        }
        Session session = sessions.get(id);
        if (session == null) {
            return Optional.empty();
        }
        if (!clock.instant().isBefore(session.expiresAt())) {
            sessions.remove(id);
            return Optional.empty();
        }
        return Optional.of(session);
    }

    /** Ends a session (logout). */
    public void close(String id) {
        if (id != null) {
            sessions.remove(id);
        }
    }

    /** The time to live of new sessions. */
    public Duration ttl() {
        return ttl;
    }

    /** True when {@code token} equals the session's CSRF token (constant-time comparison). */
    public static boolean csrfMatches(Session session, String token) {
        return token != null && MessageDigest.isEqual(session.csrfToken().getBytes(StandardCharsets.UTF_8),
                token.getBytes(StandardCharsets.UTF_8));
    }

    private void purgeExpired() {
        sessions.values().removeIf(s -> !clock.instant().isBefore(s.expiresAt()));
    }

    private static String token() {
        byte[] bytes = new byte[TOKEN_BYTES];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
