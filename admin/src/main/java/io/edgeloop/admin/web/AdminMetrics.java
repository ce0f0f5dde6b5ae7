package io.edgeloop.admin.web;

import java.util.concurrent.atomic.AtomicLong;

/** Counters of the dashboard's security-relevant events, exported at {@code /metrics}. */
final class AdminMetrics {

    final AtomicLong loginsSucceeded = new AtomicLong();
    final AtomicLong loginsFailed = new AtomicLong();
    final AtomicLong decisionsSent = new AtomicLong();
    final AtomicLong decisionsRefused = new AtomicLong();
}
