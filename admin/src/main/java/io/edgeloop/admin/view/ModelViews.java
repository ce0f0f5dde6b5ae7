package io.edgeloop.admin.view;

import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.TimeoutException;
import org.apache.kafka.common.errors.WakeupException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Keeps a {@link ModelState} up to date from the topics on one background thread: reads every
 * topic of {@link ModelState#topics()} from the beginning, then follows new records. Every two
 * seconds it asks the cluster for the end offsets, which both measures the lag and proves the
 * cluster is reachable; when it is not reachable for longer than {@code staleAfter}, the status
 * says the data is stale and the view is not {@link #current()}. Connection problems are retried forever; nothing here stops the
 * dashboard.
 */
public final class ModelViews implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ModelViews.class);
    private static final Duration CHECK_EVERY = Duration.ofSeconds(2);
    private static final Duration RETRY_AFTER = Duration.ofSeconds(2);

    private final KafkaClients clients;
    private final ModelState state;
    private final Duration staleAfter;
    private final Clock clock;
    private final Thread thread;
    /** Records skipped by the reader that skipped most so far, for {@link #status}. */
    private volatile long skipped;
    private final CountDownLatch caughtUpLatch = new CountDownLatch(1);
    /** The current reader has read every topic up to the ends they had when it was opened. */
    private volatile boolean current;
    /** Counted down by {@link #close()}: ends the loop and cuts a retry's wait short. */
    private final CountDownLatch stopping = new CountDownLatch(1);
    private volatile boolean running = true;
    private volatile TopicReader reader;
    private volatile Instant lastContact;
    private volatile long lag;
    private volatile String problem = "connecting";

    private ModelViews(KafkaClients clients, ModelState state, Duration staleAfter, Clock clock) {
        this.clients = clients;
        this.state = state;
        this.staleAfter = staleAfter;
        this.clock = clock;
        this.thread = new Thread(this::run, "edgeloop-admin-views");
        this.thread.setDaemon(true);
    }

    /** Starts following the topics into {@code state}. */
    public static ModelViews start(KafkaClients clients, ModelState state, Duration staleAfter, Clock clock) {
        ModelViews views = new ModelViews(clients, state, staleAfter, clock);
        views.thread.start();
        return views;
    }

    /** Waits until the view has read the topics up to their ends at startup; false on timeout. */
    public boolean awaitCaughtUp(Duration timeout) throws InterruptedException {
        return caughtUpLatch.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    /**
     * Whether the view holds every record up to the ends the topics had when its reader opened,
     * and the cluster still confirms it. False until the first catch-up, again while a reader
     * opened after a lost connection reads the topics from the beginning (the view then passes
     * through older states of each record, e.g. a decided change as PROPOSED), and while the data
     * is stale: the cluster has not answered for longer than {@code staleAfter}, so records
     * written since (another admin's decision) may be missing. Decisions are refused while false.
     */
    public boolean current() {
        return current && !stale(lastContact);
    }

    /** The view's freshness now. */
    public ViewStatus status() {
        Instant contact = lastContact;
        boolean stale = stale(contact);
        long last = state.lastRecordTimestamp();
        return new ViewStatus(clients.bootstrap(), caughtUpLatch.getCount() == 0, current && !stale, stale, contact,
                lag, state.updates(), last == 0 ? null : Instant.ofEpochMilli(last), problem, skipped);
    }

    private boolean stale(Instant contact) {
        return contact == null || Duration.between(contact, clock.instant()).compareTo(staleAfter) > 0;
    }

    /** Whether the loop has ended (after {@link #close()}). */
    boolean stopped() {
        return !thread.isAlive();
    }

    private void run() {
        Map<TopicPartition, Long> startEnds = null;
        long nextCheck = 0;
        while (running) {
            try {
                if (reader == null) {
                    // the reader is kept only once it has the ends it must reach to be current,
                    // so a new reader is never judged against an older reader's ends
                    TopicReader opened = TopicReader.open(clients, "edgeloop-admin-views", ModelState.topics());
                    try {
                        startEnds = opened.endOffsets(clients.brokerTimeout());
                    } catch (RuntimeException e) {
                        close(opened);
                        throw e;
                    }
                    reader = opened;
                    contact(reader.lag(startEnds));
                }
                reader.poll(Duration.ofMillis(500), state::apply);
                // a reader opened again reads from the start, so it meets the same bad records again
                skipped = Math.max(skipped, reader.skipped());
                if (!current && reader.reached(startEnds)) {
                    current = true;
                    if (caughtUpLatch.getCount() > 0) {
                        caughtUpLatch.countDown();
                        LOG.info("admin views caught up with {} ({} updates)", clients.bootstrap(), state.updates());
                    } else {
                        LOG.info("admin views read {} again to the end ({} updates)", clients.bootstrap(),
                                state.updates());
                    }
                }
                if (System.nanoTime() >= nextCheck) {
                    contact(reader.lag(reader.endOffsets(clients.brokerTimeout())));
                    nextCheck = System.nanoTime() + CHECK_EVERY.toNanos();
                }
            } catch (WakeupException e) {
                break;
            } catch (BrokerUnavailableException | KafkaException e) {
                trouble(e);
            }
        }
        closeReader();
    }

    private void contact(long lagNow) {
        lastContact = clock.instant();
        lag = lagNow;
        problem = null;
    }

    private void trouble(RuntimeException e) {
        String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        if (!message.equals(problem)) {
            LOG.warn("admin views: {}; retrying every {} s", message, RETRY_AFTER.toSeconds(), e);
        }
        problem = message;
        if (!(e instanceof TimeoutException)) {
            closeReader();
        }
        try {
            stopping.await(RETRY_AFTER.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            running = false;
        }
    }

    private void closeReader() {
        current = false;
        TopicReader r = reader;
        reader = null;
        if (r != null) {
            close(r);
        }
    }

    private static void close(TopicReader r) {
        try {
            r.close();
        } catch (KafkaException e) {
            LOG.debug("closing the admin views' consumer failed", e);
        }
    }

    /**
     * Stops the loop and waits for it to close its consumer. Not by interrupting the thread: a
     * consumer closed by an interrupted thread cannot close its fetch sessions and logs an error.
     * A poll is woken up instead, and a retry's wait ends at once.
     */
    @Override
    public void close() {
        running = false;
        stopping.countDown();
        TopicReader r = reader;
        if (r != null) {
            r.wakeup();
        }
        try {
            thread.join(5_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
