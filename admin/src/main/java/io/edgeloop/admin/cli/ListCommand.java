package io.edgeloop.admin.cli;

import io.edgeloop.admin.AdminApp;
import io.edgeloop.admin.view.ModelState;
import io.edgeloop.admin.view.StateLoader;
import io.edgeloop.admin.web.Json;
import io.edgeloop.core.config.AppConfig;
import io.edgeloop.schemas.topics.Topic;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;

/**
 * What the read-only commands share (patterns, proposals, predictions): the cluster options and
 * {@code --json}; authenticate, read the topics the listing needs, build its view, print it as
 * JSON or as a table.
 *
 * @param <V> the listing's view, what {@code --json} prints
 */
abstract class ListCommand<V> implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    ClusterOptions cluster;

    @Option(names = "--json", description = "Print JSON instead of a table.")
    boolean json;

    /** The topics the view is built from. */
    abstract List<Topic<String, ?>> topics();

    /** The listing, from the topics' state. */
    abstract V view(ModelState state);

    /** The listing as a table, with a summary line. */
    abstract void printTable(V view, ModelState state, PrintWriter out);

    /** Checks the flags before anything is read; throws a ParameterException for a bad one. */
    void check() {
    }

    @Override
    public final Integer call() throws Exception {
        check();
        return Run.guarded(spec, () -> {
            AppConfig config = cluster.config(List.of());
            cluster.authenticate(config);
            ModelState state = StateLoader.load(AdminApp.clients(config), topics());
            V view = view(state);
            PrintWriter out = spec.commandLine().getOut();
            if (json) {
                out.println(Json.tree(view).toPrettyString());
            } else {
                printTable(view, state, out);
            }
            out.flush();
            return 0;
        });
    }
}
