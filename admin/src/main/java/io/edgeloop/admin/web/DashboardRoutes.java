package io.edgeloop.admin.web;

import io.edgeloop.admin.auth.Session;
import io.edgeloop.admin.view.BrokerUnavailableException;
import io.edgeloop.admin.view.Health;
import io.edgeloop.admin.view.ModelState;
import io.edgeloop.admin.view.ModelViews;
import io.edgeloop.admin.view.PatternDetail;
import io.edgeloop.admin.view.PatternRow;
import io.edgeloop.admin.view.PredictionFilter;
import io.edgeloop.admin.view.PredictionList;
import io.edgeloop.admin.view.Proposals;
import io.edgeloop.admin.view.SignalViews;
import io.edgeloop.admin.view.TickerHistory;
import io.edgeloop.admin.view.TickerPage;
import io.edgeloop.core.http.JsonHttpServer;
import io.edgeloop.core.http.JsonHttpServer.HttpError;
import io.edgeloop.core.http.JsonHttpServer.Request;
import io.edgeloop.core.http.JsonHttpServer.Response;
import io.edgeloop.schemas.avro.SignalLevel;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The dashboard's read API, every route behind a session ({@link Guard}):
 * <ul>
 *   <li>{@code GET /api/status}: view freshness and the caller;</li>
 *   <li>{@code GET /api/overview}: health, market regime, sector signals;</li>
 *   <li>{@code GET /api/signals?level=TICKER|SECTOR|MARKET&q=&limit=}: signals, strongest first;</li>
 *   <li>{@code GET /api/tickers/{ticker}?interval=}: the ticker view;</li>
 *   <li>{@code GET /api/patterns}, {@code GET /api/patterns/{id}}: the library and a pattern's page;</li>
 *   <li>{@code GET /api/proposals}: pending and decided changes, library versions;</li>
 *   <li>{@code GET /api/predictions?ticker=&trigger=&resolved=&hit=&action=&limit=}: predictions with outcomes;</li>
 *   <li>{@code GET /api/reports}, {@code GET /reports/view?file=}: the retrospective's reports.</li>
 * </ul>
 */
final class DashboardRoutes {

    private static final String REPORT_POLICY = "sandbox; default-src 'none'; style-src 'unsafe-inline'; img-src data:";

    private final ModelState state;
    private final ModelViews views;
    private final TickerHistory tickers;
    private final Reports reports;
    private final double hitThresholdPct;
    private final Guard guard;

    DashboardRoutes(ModelState state, ModelViews views, TickerHistory tickers, Reports reports, double hitThresholdPct,
                    Guard guard) {
        this.state = state;
        this.views = views;
        this.tickers = tickers;
        this.reports = reports;
        this.hitThresholdPct = hitThresholdPct;
        this.guard = guard;
    }

    void register(JsonHttpServer server) {
        server.get("/api/status", guard.reading(this::status))
                .get("/api/overview", guard.reading((r, s) -> overview()))
                .get("/api/signals", guard.reading((r, s) -> signals(r)))
                .get("/api/tickers/{ticker}", guard.reading((r, s) -> ticker(r)))
                .get("/api/patterns", guard.reading((r, s) -> patterns()))
                .get("/api/patterns/{id}", guard.reading((r, s) -> pattern(r)))
                .get("/api/proposals", guard.reading((r, s) -> Json.tree(Proposals.of(state))))
                .get("/api/predictions", guard.reading((r, s) -> predictions(r)))
                .get("/api/reports", guard.reading((r, s) -> Json.tree(reports.list())))
                .get("/reports/view", this::report);
    }

    private Object status(Request request, Session session) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("view", views.status());
        body.put("user", session.operator().name());
        body.put("role", session.operator().role().name());
        return Json.tree(body);
    }

    private Object overview() {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("health", Health.of(state));
        body.put("market", SignalViews.market(state));
        body.put("sectors", SignalViews.list(state, SignalLevel.SECTOR, null, 200));
        body.put("tickerSignals", SignalViews.count(state, SignalLevel.TICKER));
        return Json.tree(body);
    }

    private Object signals(Request request) {
        SignalLevel level;
        try {
            level = SignalLevel.valueOf(request.query("level", "TICKER").toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new HttpError(400, "level must be TICKER, SECTOR or MARKET");
        }
        int limit = request.queryInt("limit", 200);
        if (limit < 1 || limit > 5000) {
            throw new HttpError(400, "limit must be 1..5000");
        }
        return Json.tree(SignalViews.list(state, level, request.query("q", ""), limit));
    }

    private Object ticker(Request request) {
        String ticker = request.path().get("ticker").strip().toUpperCase(Locale.ROOT);
        if (!ticker.matches("[A-Z0-9.^=_-]{1,20}")) {
            throw new HttpError(400, "not a ticker symbol: '" + ticker + "'");
        }
        try {
            return Json.tree(TickerPage.of(state, tickers.read(ticker), request.query().get("interval")));
        } catch (BrokerUnavailableException e) {
            throw new HttpError(503, e.getMessage());
        }
    }

    private Object patterns() {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("libraryVersion", state.read(ModelState::libraryVersion));
        body.put("patterns", state.read(s -> s.patterns().values().stream().map(PatternRow::of).toList()));
        return Json.tree(body);
    }

    private Object pattern(Request request) {
        String id = request.path().get("id");
        return Json.tree(PatternDetail.of(state, id, hitThresholdPct)
                .orElseThrow(() -> new HttpError(404, "no pattern '" + id + "' in the library")));
    }

    private Object predictions(Request request) {
        PredictionFilter filter;
        try {
            filter = new PredictionFilter(request.query("ticker", null), request.query("trigger", null),
                    bool(request, "resolved"), bool(request, "hit"), request.query("action", null),
                    request.queryInt("limit", 200));
        } catch (IllegalArgumentException e) {
            throw new HttpError(400, e.getMessage());
        }
        return Json.tree(PredictionList.of(state, filter));
    }

    private static Boolean bool(Request request, String name) {
        String value = request.query(name, "").strip().toLowerCase(Locale.ROOT);
        return switch (value) {
            case "" -> null;
            case "true", "yes" -> true;
            case "false", "no" -> false;
            default -> throw new HttpError(400, name + " must be true or false, got '" + value + "'");
        };
    }

    private Response report(Request request) throws IOException {
        try {
            guard.session(request);
        } catch (HttpError e) {
            return html(401, "<!doctype html><title>log in</title><p>Log in to the dashboard to see reports.</p>");
        }
        Path file = reports.file(request.query("file", null))
                .orElseThrow(() -> new HttpError(404, "no such report: " + request.query("file", "")));
        return Response.of(200, "text/html; charset=utf-8", Files.readAllBytes(file))
                .withHeader("Content-Security-Policy", REPORT_POLICY)
                .withHeader("X-Frame-Options", "SAMEORIGIN")
                .withHeader("Cache-Control", "no-store");
    }

    private static Response html(int status, String body) {
        return Response.of(status, "text/html; charset=utf-8", body.getBytes(StandardCharsets.UTF_8));
    }
}
