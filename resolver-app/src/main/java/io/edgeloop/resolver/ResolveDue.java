package io.edgeloop.resolver;

import io.edgeloop.core.library.Keeper;
import io.edgeloop.schemas.avro.Outcome;
import io.edgeloop.schemas.avro.OutcomeStatus;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The operator's "resolve due predictions now", with its answer: takes the resolver's latest
 * stream time (never the wall clock), writes the request to every partition of
 * {@code resolver.control} ({@link ResolveTrigger}), waits (bounded) until every outcome task of
 * this instance has handled it, and reports what became of the predictions that were open
 * before it: resolved (their horizon's bars were in, e.g. a forming daily bar closed) or expired
 * (stream time past horizon + grace: their ticker went quiet).
 *
 * <p>Counts cover the partitions this instance holds (all of them with one instance). A
 * prediction that a candle resolves while the request is on its way is counted too.
 */
public final class ResolveDue {

    private static final Duration POLL = Duration.ofMillis(50);
    private static final Logger LOG = LoggerFactory.getLogger(ResolveDue.class);

    /** The resolver has read no record yet, so it has no stream time to resolve at. */
    public static final class NoStreamTime extends IllegalStateException {
        private static final long serialVersionUID = 1L;

        NoStreamTime() {
            super("no stream time yet: the resolver has not read a record");
        }
    }

    /** Writes a request for every outcome task; returns how many partitions were asked. */
    @FunctionalInterface
    public interface Requests {
        int request(String actor, long asOf);
    }

    /**
     * What a request did.
     *
     * @param requestedBy who asked
     * @param streamTime  the stream time it resolved at (the latest of this instance's tasks)
     * @param partitions  partitions of {@code resolver.control} the request was written to
     * @param open        predictions open before the request
     * @param resolved    of those, resolved once it was handled
     * @param expired     of those, expired once it was handled
     * @param stillOpen   of those, still open (not due yet, or not handled within the wait)
     * @param handled     true when every outcome task of this instance handled the request within the wait
     */
    public record Report(String requestedBy, Instant streamTime, int partitions, int open, int resolved, int expired,
                         int stillOpen, boolean handled) {
    }

    private final ResolverQueries queries;
    private final Requests requests;

    public ResolveDue(ResolverQueries queries, Requests requests) {
        this.queries = Objects.requireNonNull(queries, "queries");
        this.requests = Objects.requireNonNull(requests, "requests");
    }

    /**
     * Requests a resolve at the latest stream time and waits up to {@code wait} for it to be handled.
     *
     * @throws IllegalArgumentException when the actor is blank or anonymous
     * @throws NoStreamTime             before the resolver has read any record
     */
    public Report run(String actor, Duration wait) {
        if (Keeper.anonymous(actor)) {
            throw new IllegalArgumentException("a resolve request must name who asks (actor), got '" + actor + "'");
        }
        String who = actor.trim();
        Instant asOf = queries.streamTime().orElseThrow(NoStreamTime::new);
        List<String> open = queries.openPredictionIds();
        int partitions = requests.request(who, asOf.toEpochMilli());
        boolean handled = awaitHandled(asOf.toEpochMilli(), wait);
        int resolved = 0;
        int expired = 0;
        for (String id : open) {
            Optional<Outcome> outcome = queries.outcome(id);
            if (outcome.isPresent()) {
                if (outcome.get().getStatus() == OutcomeStatus.EXPIRED) {
                    expired++;
                } else {
                    resolved++;
                }
            }
        }
        Report report = new Report(who, asOf, partitions, open.size(), resolved, expired,
                open.size() - resolved - expired, handled);
        LOG.info("resolve-due by {} at stream time {}: {} open, {} resolved, {} expired, handled {}", who, asOf,
                report.open(), resolved, expired, handled);
        return report;
    }

    private boolean awaitHandled(long asOf, Duration wait) {
        long deadline = System.nanoTime() + wait.toNanos();
        while (true) {
            if (queries.resolveRequestHandled(asOf)) {
                return true;
            }
            if (System.nanoTime() >= deadline) {
                return false;
            }
            try {
                Thread.sleep(POLL.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
    }
}
