package io.edgeloop.admin.web;

import com.fasterxml.jackson.databind.JsonNode;
import io.edgeloop.admin.auth.AccountsFile;
import io.edgeloop.admin.auth.LoginThrottle;
import io.edgeloop.admin.auth.Operator;
import io.edgeloop.admin.auth.OperatorAccounts;
import io.edgeloop.admin.auth.Session;
import io.edgeloop.admin.auth.Sessions;
import io.edgeloop.core.http.JsonHttpServer;
import io.edgeloop.core.http.JsonHttpServer.HttpError;
import io.edgeloop.core.http.JsonHttpServer.Request;
import io.edgeloop.core.http.JsonHttpServer.Response;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Semaphore;

/**
 * {@code POST /api/login} ({@code {"user", "password"}}: sets the session cookie and answers
 * the operator and the CSRF token), {@code POST /api/logout} and {@code GET /api/session}.
 * Wrong name and wrong password get the same 401; repeated failures for one name get 429
 * ({@link LoginThrottle}). At most {@value #CONCURRENT_CHECKS} password checks run at once (each is
 * a deliberately slow hash), a login beyond them gets 429 at once: a burst of logins, with any
 * names, cannot take every one of the server's threads from the dashboard and its health probe.
 */
final class AuthRoutes {

    private static final Logger LOG = LoggerFactory.getLogger(AuthRoutes.class);
    /** Password checks at once, fewer than the HTTP server's threads. */
    static final int CONCURRENT_CHECKS = 2;
    private final Semaphore checks = new Semaphore(CONCURRENT_CHECKS);

    private final AccountsFile accounts;
    private final Sessions sessions;
    private final LoginThrottle throttle;
    private final Guard guard;
    private final AdminMetrics metrics;

    AuthRoutes(AccountsFile accounts, Sessions sessions, LoginThrottle throttle, Guard guard, AdminMetrics metrics) {
        this.accounts = accounts;
        this.sessions = sessions;
        this.throttle = throttle;
        this.guard = guard;
        this.metrics = metrics;
    }

    void register(JsonHttpServer server) {
        server.post("/api/login", this::login)
                .post("/api/logout", guard.changing((request, session) -> logout(session)))
                .get("/api/session", guard.reading((request, session) -> describe(session)));
    }

    private Response login(Request request) {
        Guard.checkOrigin(request);
        JsonNode body = request.json();
        String user = body.path("user").asText("").strip();
        char[] password = body.path("password").asText("").toCharArray();
        try {
            long locked = throttle.secondsLocked(user);
            if (locked > 0) {
                metrics.loginsFailed.incrementAndGet();
                throw new HttpError(429, "too many failed logins for this name; try again in " + locked + " s");
            }
            OperatorAccounts current;
            try {
                current = accounts.current();
            } catch (IllegalArgumentException e) {
                LOG.error("logins refused: the operators file {} is not usable", accounts.path(), e);
                throw new HttpError(503, "logins are refused until the operators file is fixed: " + e.getMessage());
            }
            if (!checks.tryAcquire()) {
                metrics.loginsFailed.incrementAndGet();
                throw new HttpError(429, "the server is busy checking other logins; try again in a moment");
            }
            Optional<Operator> operator;
            try {
                operator = current.authenticate(user, password);
            } finally {
                checks.release();
            }
            if (operator.isEmpty()) {
                throttle.failed(user);
                metrics.loginsFailed.incrementAndGet();
                LOG.warn("failed dashboard login for '{}'", user);
                throw new HttpError(401, "unknown operator or wrong password");
            }
            throttle.succeeded(user);
            metrics.loginsSucceeded.incrementAndGet();
            Session session = sessions.open(operator.get(), current.credential(user).orElseThrow());
            LOG.info("operator {} logged in to the dashboard", operator.get().name());
            return Response.json(200, describe(session)).withHeader("Set-Cookie", Guard.cookie(session, sessions.ttl()));
        } finally {
            Arrays.fill(password, '\0');
        }
    }

    private Response logout(Session session) {
        sessions.close(session.id());
        return Response.json(200, Map.of("loggedOut", true)).withHeader("Set-Cookie", Guard.expiredCookie());
    }

    private static Map<String, Object> describe(Session session) {
        return Map.of("user", session.operator().name(), "role", session.operator().role().name(),
                "actor", session.operator().actor(), "csrfToken", session.csrfToken(),
                "expiresAt", session.expiresAt().toString());
    }
}
