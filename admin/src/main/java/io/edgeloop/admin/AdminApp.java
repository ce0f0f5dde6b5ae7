package io.edgeloop.admin;

import io.edgeloop.admin.approve.Decisions;
import io.edgeloop.admin.auth.AccountsFile;
import io.edgeloop.admin.view.KafkaClients;
import io.edgeloop.admin.view.ModelState;
import io.edgeloop.admin.view.ModelViews;
import io.edgeloop.admin.view.TickerHistory;
import io.edgeloop.core.config.AppConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.CountDownLatch;

/**
 * The admin as a process: the dashboard and the approval producer against one Kafka cluster.
 * It reads its model state from the topics itself (model-changelog, pattern-library, signals,
 * predictions, outcomes, approvals; candles and scores on demand for a ticker), so it needs no
 * other app running and works against any cluster that has the catalog topics.
 *
 * <p>{@code java io.edgeloop.admin.AdminApp [--config FILE] [key=value ...]}: options from
 * {@link AdminOptions} and {@code kafka.*}, with {@link AppConfig}'s precedence (defaults &lt;
 * file &lt; {@code APP_*}/{@code KAFKA_*} environment &lt; flags). The local stack calls
 * {@link #start(AppConfig)} and keeps the {@link Handle}.
 */
public final class AdminApp {

    private static final Logger LOG = LoggerFactory.getLogger(AdminApp.class);

    private AdminApp() {
    }

    /** A running admin: its dashboard address and the means to stop it. */
    public static final class Handle implements AutoCloseable {
        private final AdminServer server;
        private final ModelViews views;
        private final TickerHistory tickers;
        private final Decisions decisions;
        private final ModelState state;

        private Handle(AdminServer server, ModelViews views, TickerHistory tickers, Decisions decisions, ModelState state) {
            this.server = server;
            this.views = views;
            this.tickers = tickers;
            this.decisions = decisions;
            this.state = state;
        }

        /** The dashboard's address, {@code http://host:port/}. */
        public String url() {
            return server.url();
        }

        /** The dashboard's port. */
        public int port() {
            return server.port();
        }

        /** The in-memory view the dashboard shows. */
        public ModelState state() {
            return state;
        }

        /** Waits until the view has read every topic to the end it had at startup; false on timeout. */
        public boolean awaitCaughtUp(Duration timeout) throws InterruptedException {
            return views.awaitCaughtUp(timeout);
        }

        /** Stops the server, the readers and the producer. */
        @Override
        public void close() {
            server.close();
            views.close();
            tickers.close();
            decisions.close();
        }
    }

    /** Starts the admin with the system clock. */
    public static Handle start(AppConfig config) {
        return start(config, Clock.systemUTC());
    }

    /**
     * Starts the views, the approval producer and the dashboard. A missing or bad operators file
     * does not stop it (the probes and the page still answer), but every login is refused with
     * the reason until the file is fixed; the problem is logged at startup.
     */
    public static Handle start(AppConfig config, Clock clock) {
        operatorsProblem(config).ifPresent(problem ->
                LOG.error("nobody can log in to the dashboard until the operators file is fixed: {}", problem));
        KafkaClients clients = clients(config);
        ModelState state = new ModelState();
        ModelViews views = ModelViews.start(clients, state, config.get(AdminOptions.STALE_AFTER), clock);
        TickerHistory tickers = new TickerHistory(clients, config.get(AdminOptions.CHART_BARS));
        Decisions decisions = Decisions.create(clients, state, views::current, clock);
        try {
            AdminServer server = AdminServer.start(config, state, views, tickers, decisions, clock);
            LOG.info("admin dashboard on {} reading {}", server.url(), clients.bootstrap());
            return new Handle(server, views, tickers, decisions, state);
        } catch (RuntimeException e) {
            views.close();
            tickers.close();
            decisions.close();
            throw e;
        }
    }

    /** Why the configured operators file cannot be used, or empty when it can. */
    public static Optional<String> operatorsProblem(AppConfig config) {
        try {
            new AccountsFile(AdminOptions.operatorsFile(config)).current();
            return Optional.empty();
        } catch (IllegalArgumentException e) {
            return Optional.of(e.getMessage());
        }
    }

    /** The Kafka clients of a configuration: its {@code kafka.*} settings and the broker timeout. */
    public static KafkaClients clients(AppConfig config) {
        Map<String, Object> settings = new HashMap<>(config.kafka());
        settings.put("bootstrap.servers", AdminOptions.bootstrap(config));
        return new KafkaClients(settings, config.get(AdminOptions.BROKER_TIMEOUT));
    }

    /** Runs until the process is stopped. */
    public static void main(String[] args) throws Exception {
        Properties file = new Properties();
        List<String> flags = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            if ("--config".equals(args[i]) && i + 1 < args.length) {
                file = AdminOptions.file(Path.of(args[++i]));
            } else {
                flags.add(args[i]);
            }
        }
        AppConfig config = AppConfig.resolve(AdminOptions.all(), file, System.getenv(), flags);
        LOG.info("admin options {}", config.describe());
        Handle handle = start(config);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            handle.close();
            stopped.countDown();
        }, "edgeloop-admin-shutdown"));
        stopped.await();
    }
}
