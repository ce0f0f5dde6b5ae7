package io.edgeloop.admin.cli;

import io.edgeloop.admin.AdminApp;
import io.edgeloop.admin.approve.Decisions;
import io.edgeloop.admin.approve.Receipt;
import io.edgeloop.admin.auth.Operator;
import io.edgeloop.admin.view.KafkaClients;
import io.edgeloop.admin.view.ModelState;
import io.edgeloop.admin.view.StateLoader;
import io.edgeloop.core.config.AppConfig;
import io.edgeloop.schemas.topics.Topics;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.Callable;

/**
 * What approve, reject and rollback share: the cluster options and a required reason; check the
 * reason, authenticate, read the changelog and approvals, send the decision through
 * {@link Decisions}, print the receipt.
 */
abstract class DecisionCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    ClusterOptions cluster;

    @Option(names = "--reason", required = true, paramLabel = "TEXT", description = "Why; recorded with your name.")
    String reason;

    /** How the receipt names the decision, e.g. "approval of". */
    abstract String verb();

    /** Sends the decision. */
    abstract Receipt decide(Decisions decisions, Operator operator);

    @Override
    public final Integer call() throws Exception {
        if (reason == null || reason.isBlank()) {
            throw new ParameterException(spec.commandLine(), "--reason must not be blank: say why, it goes on record");
        }
        return Run.guarded(spec, () -> {
            AppConfig config = cluster.config(List.of());
            Operator operator = cluster.authenticate(config);
            KafkaClients clients = AdminApp.clients(config);
            ModelState state = StateLoader.load(clients,
                    List.of(Topics.MODEL_CHANGELOG, Topics.APPROVALS, Topics.PATTERN_LIBRARY));
            Receipt receipt;
            // StateLoader read the topics to their ends: the view is current.
            try (Decisions decisions = Decisions.create(clients, state, () -> true, Clock.systemUTC())) {
                receipt = decide(decisions, operator);
            }
            PrintWriter out = spec.commandLine().getOut();
            out.printf("%s %s as %s: recorded in %s (partition %d, offset %d)%n", verb(), receipt.changeId(),
                    receipt.actor(), Topics.APPROVALS.name(), receipt.partition(), receipt.offset());
            out.println("the keeper (resolver-app) applies it and records the result in " + Topics.MODEL_CHANGELOG.name()
                    + "; see: edgeloop admin proposals --all");
            out.flush();
            return 0;
        });
    }
}
