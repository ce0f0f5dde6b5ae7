package io.edgeloop.admin;

import io.edgeloop.admin.approve.Decisions;
import io.edgeloop.admin.view.ModelState;
import io.edgeloop.admin.view.ModelViews;
import io.edgeloop.admin.view.TickerHistory;
import io.edgeloop.admin.web.WebRoutes;
import io.edgeloop.core.config.AppConfig;
import io.edgeloop.core.http.JsonHttpServer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;

/**
 * The dashboard's web server: the page ({@code /}, with a strict Content-Security-Policy), its
 * scripts and styles from the classpath ({@code web/}), and the JSON API under {@code /api}
 * ({@link WebRoutes}), on the JDK's HTTP server. It listens on {@code http.host:http.port}
 * (127.0.0.1 by default: plain HTTP is meant for this machine; put a TLS proxy in front to
 * serve it further).
 */
public final class AdminServer implements AutoCloseable {

    private final JsonHttpServer http;
    private final String host;

    private AdminServer(JsonHttpServer http, String host) {
        this.http = http;
        this.host = host;
    }

    /** Binds, registers every route and starts serving. */
    public static AdminServer start(AppConfig config, ModelState state, ModelViews views, TickerHistory tickers,
                                    Decisions decisions, Clock clock) {
        String host = config.get(AdminOptions.HTTP_HOST);
        JsonHttpServer http;
        try {
            http = new JsonHttpServer(host, config.get(AdminOptions.HTTP_PORT));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot listen on " + host + ":" + config.get(AdminOptions.HTTP_PORT)
                    + " (" + e.getMessage() + "); set http.port to a free port", e);
        }
        try {
            WebRoutes.register(http, config, state, views, tickers, decisions, clock);
            http.anyOrigin(false).start();
            return new AdminServer(http, host);
        } catch (RuntimeException e) {
            http.close();
            throw e;
        }
    }

    /** The bound port. */
    public int port() {
        return http.port();
    }

    /** The dashboard's address, {@code http://host:port/}. */
    public String url() {
        return "http://" + host + ":" + port() + "/";
    }

    @Override
    public void close() {
        http.close();
    }
}
