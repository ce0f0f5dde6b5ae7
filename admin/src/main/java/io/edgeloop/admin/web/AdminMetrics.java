package io.edgeloop.admin.web;

import java.util.concurrent.atomic.AtomicLong;

/** Counters of the dashboard's security-relevant events, exported at {@code /metrics}. */
final class AdminMetrics {

    final AtomicLong loginsSucceeded = new AtomicLong();
    final AtomicLong loginsFailed = new AtomicLong();
    final AtomicLong decisionsSent = new AtomicLong();
    /** Refused for what was asked (forbidden, unknown or decided change, no reason, bad version). */
    final AtomicLong decisionsRefused = new AtomicLong();
    /** Refused with 503 for the admin's state (view not current, cluster not answering): nothing was wrong with the request. */
    final AtomicLong decisionsDeferred = new AtomicLong();
}
