package io.edgeloop.admin.web;

import io.edgeloop.admin.auth.AccountsFile;
import io.edgeloop.admin.auth.Operator;
import io.edgeloop.admin.auth.OperatorAccounts;
import io.edgeloop.admin.auth.Session;
import io.edgeloop.admin.auth.Sessions;
import io.edgeloop.core.http.JsonHttpServer.Handler;
import io.edgeloop.core.http.JsonHttpServer.HttpError;
import io.edgeloop.core.http.JsonHttpServer.Request;

import java.time.Duration;
import java.util.Optional;

/**
 * The dashboard's access rules. Every API call needs a live session cookie (else 401). Every
 * state-changing call also needs the session's CSRF token in {@code X-CSRF-Token} and, when the
 * browser sends an {@code Origin}, the dashboard's own origin (else 403). The cookie is
 * {@code HttpOnly} (no script reads it) and {@code SameSite=Strict} (no other site's page sends
 * it).
 */
final class Guard {

    /** Name of the session cookie. */
    static final String COOKIE = "edgeloop_session";
    /** Header that carries the CSRF token. */
    static final String CSRF_HEADER = "X-CSRF-Token";

    /** A handler that also receives the caller's session. */
    @FunctionalInterface
    interface SessionHandler {
        Object handle(Request request, Session session) throws Exception;
    }

    private final Sessions sessions;
    private final AccountsFile accounts;

    Guard(Sessions sessions, AccountsFile accounts) {
        this.sessions = sessions;
        this.accounts = accounts;
    }

    /** A read: session required. */
    Handler reading(SessionHandler handler) {
        return request -> handler.handle(request, session(request));
    }

    /** A change: session, CSRF token and same origin required. */
    Handler changing(SessionHandler handler) {
        return request -> {
            Session session = session(request);
            if (!Sessions.csrfMatches(session, request.header(CSRF_HEADER).orElse(null))) {
                throw new HttpError(403, "missing or wrong CSRF token; reload the page");
            }
            checkOrigin(request);
            return handler.handle(request, session);
        };
    }

    /**
     * The live session of the request, or 401. The operators file is checked as it is now (parsed
     * again when its content changed): a request is refused while the session's operator is no
     * longer listed, their password hash changed or the file cannot be read, and takes the role
     * the file gives now. A session whose operator is listed with another password hash is closed
     * (a new hash has a new random salt: the old one never comes back). Otherwise the session is
     * kept: a file caught in the middle of a rewrite refuses one request, not the operator's
     * session for good.
     */
    Session session(Request request) {
        Session session = request.cookie(COOKIE).flatMap(sessions::find)
                .orElseThrow(() -> new HttpError(401, "log in first (no session, or it expired)"));
        OperatorAccounts file;
        try {
            file = accounts.current();
        } catch (IllegalArgumentException e) {
            throw new HttpError(401, "refused: the operators file cannot be read; log in again once it is fixed");
        }
        Optional<Operator> now = file.current(session.operator().name(), session.credential());
        if (now.isEmpty()) {
            if (file.credential(session.operator().name()).isPresent()) {
                sessions.close(session.id());
            }
            throw new HttpError(401, "refused: the operator was removed or their password changed; log in again");
        }
        return now.get().equals(session.operator()) ? session : session.as(now.get());
    }

    /** A cross-origin request (its Origin is not this host) is refused with 403. */
    static void checkOrigin(Request request) {
        String origin = request.header("Origin").orElse(null);
        String host = request.header("Host").orElse("");
        if (origin != null && !origin.equals("http://" + host) && !origin.equals("https://" + host)) {
            throw new HttpError(403, "cross-origin request refused (Origin " + origin + ")");
        }
    }

    /** The session cookie for a login. */
    static String cookie(Session session, Duration ttl) {
        return COOKIE + "=" + session.id() + "; Path=/; HttpOnly; SameSite=Strict; Max-Age=" + ttl.toSeconds();
    }

    /** A cookie that deletes the session cookie. */
    static String expiredCookie() {
        return COOKIE + "=; Path=/; HttpOnly; SameSite=Strict; Max-Age=0";
    }
}
