package io.edgeloop.admin.web;

import io.edgeloop.admin.AdminOptions;
import io.edgeloop.admin.approve.Decisions;
import io.edgeloop.admin.auth.AccountsFile;
import io.edgeloop.admin.auth.LoginThrottle;
import io.edgeloop.admin.auth.Sessions;
import io.edgeloop.admin.view.ModelState;
import io.edgeloop.admin.view.ModelViews;
import io.edgeloop.admin.view.TickerHistory;
import io.edgeloop.core.config.AppConfig;
import io.edgeloop.core.http.JsonHttpServer;
import io.edgeloop.core.http.JsonHttpServer.HttpError;
import io.edgeloop.core.http.JsonHttpServer.Response;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;

/**
 * Every route of the dashboard: the page, the static assets, login, the read API, decisions,
 * and {@code /health} and {@code /metrics} for probes and scrapers.
 */
public final class WebRoutes {

    /** The page's policy: its own scripts only, no framing by others, requests to itself only. */
    static final String PAGE_POLICY = "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; "
            + "img-src 'self' data:; connect-src 'self'; frame-src 'self'; frame-ancestors 'none'; base-uri 'none'; "
            + "form-action 'self'";
    /**
     * The page, outside {@code web/} (the scripts, styles and libraries served under
     * {@code /static/}), so it is only ever served by {@code GET /} with the policy headers.
     */
    private static final String PAGE = "page/index.html";
    private static final int MAX_LOGIN_FAILURES = 5;
    private static final Duration LOCKOUT = Duration.ofMinutes(1);

    private WebRoutes() {
    }

    /** Registers the routes on {@code http}. */
    public static void register(JsonHttpServer http, AppConfig config, ModelState state, ModelViews views,
                                TickerHistory tickers, Decisions decisions, Clock clock) {
        Sessions sessions = new Sessions(config.get(AdminOptions.SESSION_TTL), clock);
        AccountsFile accounts = new AccountsFile(AdminOptions.operatorsFile(config));
        Guard guard = new Guard(sessions, accounts);
        AdminMetrics metrics = new AdminMetrics();
        new AuthRoutes(accounts, sessions,
                new LoginThrottle(MAX_LOGIN_FAILURES, LOCKOUT, clock), guard, metrics).register(http);
        new DashboardRoutes(state, views, tickers, new Reports(Path.of(config.get(AdminOptions.REPORTS_DIR))),
                config.get(AdminOptions.HIT_THRESHOLD_PCT), guard).register(http);
        new DecisionRoutes(decisions, guard, metrics).register(http);
        new HealthRoutes(state, views, metrics).register(http);
        http.get("/", request -> page());
        http.resources("/static/", WebRoutes.class, "web");
    }

    private static Response page() throws IOException {
        try (InputStream in = WebRoutes.class.getClassLoader().getResourceAsStream(PAGE)) {
            if (in == null) {
                throw new HttpError(500, "the dashboard page is missing from the build");
            }
            return Response.of(200, "text/html; charset=utf-8", in.readAllBytes())
                    .withHeader("Content-Security-Policy", PAGE_POLICY)
                    .withHeader("X-Frame-Options", "DENY")
                    .withHeader("Referrer-Policy", "no-referrer")
                    .withHeader("Cache-Control", "no-store");
        }
    }
}
