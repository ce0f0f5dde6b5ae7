package io.edgeloop.admin.web;

import io.edgeloop.admin.view.Health;
import io.edgeloop.admin.view.ModelState;
import io.edgeloop.admin.view.ModelViews;
import io.edgeloop.admin.view.ViewStatus;
import io.edgeloop.core.http.JsonHttpServer;
import io.edgeloop.core.http.JsonHttpServer.Response;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The endpoints for probes and scrapers, without a session (they show no model content beyond
 * counts): {@code GET /health} answers 200 while the process serves, with the view's freshness;
 * {@code GET /metrics} answers the Prometheus text exposition format (version 0.0.4).
 */
final class HealthRoutes {

    private final ModelState state;
    private final ModelViews views;
    private final AdminMetrics metrics;

    HealthRoutes(ModelState state, ModelViews views, AdminMetrics metrics) {
        this.state = state;
        this.views = views;
        this.metrics = metrics;
    }

    void register(JsonHttpServer server) {
        server.get("/health", r -> health()).get("/metrics", r -> metrics());
    }

    private Map<String, Object> health() {
        ViewStatus v = views.status();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("status", "UP");
        body.put("caughtUp", v.caughtUp());
        body.put("current", v.current());
        body.put("stale", v.stale());
        body.put("lagRecords", v.lagRecords());
        return body;
    }

    private Response metrics() {
        ViewStatus v = views.status();
        Health h = Health.of(state);
        StringBuilder text = new StringBuilder();
        gauge(text, "edgeloop_admin_view_caught_up", "1 once the view read every topic to its end at startup", v.caughtUp() ? 1 : 0);
        gauge(text, "edgeloop_admin_view_current", "1 while the view holds every topic to the end it saw when it last"
                + " started reading and is not stale; decisions are refused at 0", v.current() ? 1 : 0);
        gauge(text, "edgeloop_admin_view_stale", "1 while the cluster has not answered for longer than stale.after", v.stale() ? 1 : 0);
        gauge(text, "edgeloop_admin_view_lag_records", "records the view has not read yet", v.lagRecords());
        counter(text, "edgeloop_admin_view_updates_total", "changes applied to the view", v.updates());
        counter(text, "edgeloop_admin_view_records_skipped_total", "records the view skipped because they did not decode",
                v.skippedRecords());
        gauge(text, "edgeloop_admin_predictions", "predictions in the view", h.predictions());
        gauge(text, "edgeloop_admin_outcomes", "outcomes in the view", h.outcomes());
        gauge(text, "edgeloop_admin_library_version", "current pattern library version", h.libraryVersion());
        gauge(text, "edgeloop_admin_pending_proposals", "changes awaiting an operator", h.pendingProposals());
        counter(text, "edgeloop_admin_logins_succeeded_total", "dashboard logins", metrics.loginsSucceeded.get());
        counter(text, "edgeloop_admin_logins_failed_total", "refused dashboard logins", metrics.loginsFailed.get());
        counter(text, "edgeloop_admin_decisions_sent_total", "decisions written to approvals", metrics.decisionsSent.get());
        counter(text, "edgeloop_admin_decisions_refused_total", "decisions refused before writing for what they asked"
                + " (forbidden, unknown or decided change, no reason, bad version)", metrics.decisionsRefused.get());
        counter(text, "edgeloop_admin_decisions_deferred_total", "decisions refused with 503 before writing because the"
                + " view was not current or the cluster did not answer", metrics.decisionsDeferred.get());
        return Response.of(200, "text/plain; version=0.0.4; charset=utf-8", text.toString().getBytes(StandardCharsets.UTF_8));
    }

    private static void gauge(StringBuilder out, String name, String help, double value) {
        metric(out, name, help, "gauge", value);
    }

    private static void counter(StringBuilder out, String name, String help, double value) {
        metric(out, name, help, "counter", value);
    }

    private static void metric(StringBuilder out, String name, String help, String type, double value) {
        out.append("# HELP ").append(name).append(' ').append(help).append('\n')
                .append("# TYPE ").append(name).append(' ').append(type).append('\n')
                .append(name).append(' ')
                .append(value == Math.rint(value) ? Long.toString((long) value) : Double.toString(value)).append('\n');
    }
}
