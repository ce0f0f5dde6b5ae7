package io.edgeloop.admin.web;

import com.fasterxml.jackson.databind.JsonNode;
import io.edgeloop.admin.approve.Decisions;
import io.edgeloop.admin.approve.ForbiddenException;
import io.edgeloop.admin.approve.RefusedException;
import io.edgeloop.admin.approve.Receipt;
import io.edgeloop.admin.auth.Session;
import io.edgeloop.admin.view.BrokerUnavailableException;
import io.edgeloop.core.http.JsonHttpServer;
import io.edgeloop.core.http.JsonHttpServer.HttpError;
import io.edgeloop.core.http.JsonHttpServer.Request;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.function.Supplier;

/**
 * The dashboard's decisions, each behind session, CSRF token and role ({@link Guard}):
 * {@code POST /api/proposals/{id}/approve} and {@code /reject} with {@code {"reason"}}, and
 * {@code POST /api/rollback} with {@code {"version", "reason"}}. Answers: 200 with the
 * {@link Receipt}; 400 no reason or bad version; 403 a viewer; 404 unknown change; 409 already
 * decided or a decision already waiting; 503 the cluster did not acknowledge, or the view is still
 * reading the topics (after a start or a lost connection) and cannot check the decision yet.
 */
final class DecisionRoutes {

    private static final Logger LOG = LoggerFactory.getLogger(DecisionRoutes.class);

    private final Decisions decisions;
    private final Guard guard;
    private final AdminMetrics metrics;

    DecisionRoutes(Decisions decisions, Guard guard, AdminMetrics metrics) {
        this.decisions = decisions;
        this.guard = guard;
        this.metrics = metrics;
    }

    void register(JsonHttpServer server) {
        server.post("/api/proposals/{id}/approve", guard.changing((r, s) -> answer(s, "approve", r.path().get("id"),
                        () -> decisions.approve(s.operator(), r.path().get("id"), reason(r)))))
                .post("/api/proposals/{id}/reject", guard.changing((r, s) -> answer(s, "reject", r.path().get("id"),
                        () -> decisions.reject(s.operator(), r.path().get("id"), reason(r)))))
                .post("/api/rollback", guard.changing((r, s) -> answer(s, "rollback", "library",
                        () -> decisions.rollback(s.operator(), version(r), reason(r)))));
    }

    private Object answer(Session session, String action, String subject, Supplier<Receipt> decide) {
        try {
            Receipt receipt = decide.get();
            metrics.decisionsSent.incrementAndGet();
            LOG.info("operator {} sent {} of {} (approvals offset {})", session.operator().name(), action,
                    receipt.changeId(), receipt.offset());
            return Json.tree(receipt);
        } catch (ForbiddenException e) {
            metrics.decisionsRefused.incrementAndGet();
            throw new HttpError(403, e.getMessage());
        } catch (RefusedException e) {
            (e.reason() == RefusedException.Reason.VIEW_BEHIND ? metrics.decisionsDeferred : metrics.decisionsRefused)
                    .incrementAndGet();
            LOG.info("refused {} of {} by {}: {}", action, subject, session.operator().name(), e.getMessage());
            throw new HttpError(switch (e.reason()) {
                case UNKNOWN_CHANGE -> 404;
                case ALREADY_DECIDED, AWAITING_KEEPER -> 409;
                case NO_REASON, BAD_VERSION -> 400;
                case VIEW_BEHIND -> 503;
            }, e.getMessage());
        } catch (BrokerUnavailableException e) {
            metrics.decisionsDeferred.incrementAndGet();
            throw new HttpError(503, e.getMessage());
        }
    }

    private static String reason(Request request) {
        return request.json().path("reason").asText("");
    }

    private static long version(Request request) {
        JsonNode version = request.json().path("version");
        if (version.isIntegralNumber()) {
            return version.asLong();
        }
        if (version.isTextual() && version.asText().strip().matches("\\d{1,18}")) {
            return Long.parseLong(version.asText().strip());
        }
        throw new HttpError(400, "version must be a library version number");
    }
}
