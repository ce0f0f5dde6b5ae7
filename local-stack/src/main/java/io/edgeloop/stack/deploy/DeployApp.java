package io.edgeloop.stack.deploy;

import static io.edgeloop.schemas.topics.Topics.APPROVALS;
import static io.edgeloop.schemas.topics.Topics.CANDLES;
import static io.edgeloop.schemas.topics.Topics.CANDLES_DLQ;
import static io.edgeloop.schemas.topics.Topics.MODEL_CHANGELOG;
import static io.edgeloop.schemas.topics.Topics.OUTCOMES;
import static io.edgeloop.schemas.topics.Topics.PATTERN_LIBRARY;
import static io.edgeloop.schemas.topics.Topics.PREDICTIONS;
import static io.edgeloop.schemas.topics.Topics.REFERENCE_TICKERS;
import static io.edgeloop.schemas.topics.Topics.RESOLVER_CONTROL;
import static io.edgeloop.schemas.topics.Topics.STREAMS_CONTROL;
import static io.edgeloop.schemas.topics.Topics.SCORES;
import static io.edgeloop.schemas.topics.Topics.SIGNALS;
import static io.edgeloop.schemas.topics.Topics.TRADES;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import io.edgeloop.schemas.topics.Topic;
import io.edgeloop.schemas.topics.Topics;

/**
 * Every process the deployments run, with the topic-ownership table: which process writes and
 * which reads each catalog topic. The Kafka ACLs ({@link KafkaAcls}), the docker-compose
 * services, the Kubernetes workloads and the deploy tests are all derived from or checked
 * against this one table.
 *
 * <table>
 *   <caption>Topic ownership</caption>
 *   <tr><th>process</th><th>writes</th><th>why</th></tr>
 *   <tr><td>connect</td><td>candles, reference.tickers, candles.dlq</td>
 *       <td>the source connectors publish the feeds and reference data; unreadable rows go to the DLQ</td></tr>
 *   <tr><td>streams-app</td><td>scores, predictions, trades, signals, candles.dlq</td>
 *       <td>the live topology's outputs; candles it cannot decode are dead-lettered</td></tr>
 *   <tr><td>resolver-app</td><td>outcomes, pattern-library, model-changelog, candles.dlq, resolver.control</td>
 *       <td>outcomes and the fast loop; the keeper is the only writer of pattern-library and records
 *       every applied change; candles it cannot decode are dead-lettered; its query API's
 *       resolve-due trigger</td></tr>
 *   <tr><td>retro-app</td><td>model-changelog</td><td>the retrospective's proposals</td></tr>
 *   <tr><td>admin</td><td>approvals, resolver.control, streams.control</td><td>operators' decisions, nobody
 *       else may write them; an operator's resolve-due request; an operator's end-of-input mark for
 *       the candle feed (streams-app's breadth stops waiting for an ended partition)</td></tr>
 * </table>
 *
 * <p>Every process also owns a Kafka principal whose name is its {@linkplain #principal()
 * principal}: the KafkaUser, the Streams {@code application.id} (and so the prefix of its internal
 * topics and transactional ids), or the consumer group and transactional-id prefix of a plain
 * client.
 *
 * <p>HTTP, as the apps serve it today: streams-app, resolver-app and admin serve on
 * {@link #httpPort()} (the deployments set {@code APP_HTTP_HOST=0.0.0.0} and
 * {@code APP_HTTP_PORT}, since every app binds the loopback address and its own default port
 * otherwise) with {@link #healthPath()} for the probes; resolver-app and admin also serve
 * Prometheus text at {@link #metricsPath()} (streams-app has no metrics endpoint yet). retro-app
 * serves no HTTP: it gets no HTTP probe, health check or scrape annotation. Connect answers its
 * REST root.
 */
public enum DeployApp {

    /** The live topology: candles to scores, predictions, trades and signals. */
    STREAMS_APP("streams-app", "edgeloop-streams", ClientKind.STREAMS,
            "io.edgeloop.streams.StreamsApp", "io.edgeloop.streams.StreamsOptions", "/health", null,
            List.of(SCORES, PREDICTIONS, TRADES, SIGNALS, CANDLES_DLQ),
            List.of(CANDLES, STREAMS_CONTROL, REFERENCE_TICKERS, PATTERN_LIBRARY)),

    /** Outcomes, the fast learning loop and the pattern-library keeper. */
    RESOLVER_APP("resolver-app", "edgeloop-resolver", ClientKind.STREAMS,
            "io.edgeloop.resolver.ResolverApp", "io.edgeloop.resolver.ResolverOptions", "/health", "/metrics",
            List.of(OUTCOMES, PATTERN_LIBRARY, MODEL_CHANGELOG, CANDLES_DLQ, RESOLVER_CONTROL),
            List.of(CANDLES, REFERENCE_TICKERS, PREDICTIONS, TRADES, APPROVALS, PATTERN_LIBRARY, MODEL_CHANGELOG,
                    RESOLVER_CONTROL)),

    /** Move mining and the weekly retrospective; proposes library changes. */
    RETRO_APP("retro-app", "edgeloop-retro", ClientKind.CLIENTS,
            "io.edgeloop.retro.RetroApp", "io.edgeloop.retro.RetroOptions", null, null,
            List.of(MODEL_CHANGELOG),
            List.of(CANDLES, REFERENCE_TICKERS, SCORES, PREDICTIONS, TRADES, OUTCOMES, SIGNALS, PATTERN_LIBRARY,
                    MODEL_CHANGELOG)),

    /** The operators' dashboard and CLI; the only writer of approvals. */
    ADMIN("admin", "edgeloop-admin", ClientKind.CLIENTS,
            "io.edgeloop.admin.AdminApp", "io.edgeloop.admin.AdminOptions", "/health", "/metrics",
            List.of(APPROVALS, RESOLVER_CONTROL, STREAMS_CONTROL),
            Topics.all()),

    /** The Kafka Connect worker running the edgeloop source connectors. */
    CONNECT("connect", "edgeloop-connect", ClientKind.CONNECT, null, null, "/", null,
            List.of(CANDLES, REFERENCE_TICKERS, CANDLES_DLQ),
            List.of());

    /** Port of every app's HTTP server (health, metrics, query API) inside its container. */
    public static final int APP_HTTP_PORT = 8080;
    /** Where the admin container finds its operator accounts (a mounted Secret in k8s, a mounted file in compose). */
    public static final String ADMIN_OPERATORS_FILE = "/etc/edgeloop/admin/operators.properties";
    /** Port of the Connect worker's REST API. */
    public static final int CONNECT_REST_PORT = 8083;

    private final String id;
    private final String principal;
    private final ClientKind kind;
    private final String mainClass;
    private final String optionsClass;
    private final String healthPath;
    private final String metricsPath;
    private final List<Topic<?, ?>> writes;
    private final List<Topic<?, ?>> reads;

    DeployApp(String id, String principal, ClientKind kind, String mainClass, String optionsClass, String healthPath,
              String metricsPath, List<Topic<?, ?>> writes, List<Topic<?, ?>> reads) {
        this.id = id;
        this.principal = principal;
        this.kind = kind;
        this.mainClass = mainClass;
        this.optionsClass = optionsClass;
        this.healthPath = healthPath;
        this.metricsPath = metricsPath;
        this.writes = List.copyOf(writes);
        this.reads = List.copyOf(reads);
    }

    /** Name of the compose service, the Kubernetes workload and Service, and the image target. */
    public String id() {
        return id;
    }

    /** The Kafka principal (KafkaUser name) and its resource prefix. */
    public String principal() {
        return principal;
    }

    /** What kind of Kafka client the process is. */
    public ClientKind kind() {
        return kind;
    }

    /** The class whose {@code main} the image starts; empty for the Connect worker. */
    public Optional<String> mainClass() {
        return Optional.ofNullable(mainClass);
    }

    /** The class whose static {@code all()} lists the app's options; empty for the Connect worker. */
    public Optional<String> optionsClass() {
        return Optional.ofNullable(optionsClass);
    }

    /** The catalog topics this process writes. */
    public List<Topic<?, ?>> writes() {
        return writes;
    }

    /** The catalog topics this process reads. */
    public List<Topic<?, ?>> reads() {
        return reads;
    }

    /** Port of the process's HTTP server. */
    public int httpPort() {
        return this == CONNECT ? CONNECT_REST_PORT : APP_HTTP_PORT;
    }

    /** True when the process serves HTTP (probes, queries); false for retro-app. */
    public boolean servesHttp() {
        return healthPath != null;
    }

    /** True for an edgeloop app that serves HTTP: the deployments must set its {@code APP_HTTP_HOST/PORT}. */
    public boolean appServingHttp() {
        return servesHttp() && this != CONNECT;
    }

    /** Path answering 200 while the process is alive and ready; empty when it serves no HTTP. */
    public Optional<String> healthPath() {
        return Optional.ofNullable(healthPath);
    }

    /** Path of the Prometheus text endpoint; empty when the process has none (Connect's metrics are JMX). */
    public Optional<String> metricsPath() {
        return Optional.ofNullable(metricsPath);
    }

    /** The processes that write a topic, in table order. */
    public static List<DeployApp> writersOf(Topic<?, ?> topic) {
        return Arrays.stream(values()).filter(app -> app.writes.contains(topic)).toList();
    }

    /** The process with this id. */
    public static Optional<DeployApp> byId(String id) {
        return Arrays.stream(values()).filter(app -> app.id.equals(id)).findFirst();
    }

    /** The process with this Kafka principal. */
    public static Optional<DeployApp> byPrincipal(String principal) {
        return Arrays.stream(values()).filter(app -> app.principal.equals(principal)).findFirst();
    }

    /** The kinds of Kafka client, which decide the internal resources a principal needs. */
    public enum ClientKind {
        /** A Kafka Streams app: internal topics, group and transactional ids named by application.id. */
        STREAMS,
        /** Plain producers and consumers: groups and transactional ids under the principal's prefix. */
        CLIENTS,
        /** A Kafka Connect worker: its config/offset/status topics, group and exactly-once source ids. */
        CONNECT
    }
}
