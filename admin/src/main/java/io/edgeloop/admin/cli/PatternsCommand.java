package io.edgeloop.admin.cli;

import io.edgeloop.admin.AdminApp;
import io.edgeloop.admin.view.ModelState;
import io.edgeloop.admin.view.PatternRow;
import io.edgeloop.admin.view.StateLoader;
import io.edgeloop.admin.web.Json;
import io.edgeloop.core.config.AppConfig;
import io.edgeloop.schemas.avro.PatternStatus;
import io.edgeloop.schemas.topics.Topics;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;

/** {@code edgeloop admin patterns}: the pattern library. */
@Command(name = "patterns", mixinStandardHelpOptions = true,
        description = "List the pattern library: status, direction, n, hit rate with its interval, EV, MFE/MAE, versions.")
public final class PatternsCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    ClusterOptions cluster;

    @Option(names = "--status", paramLabel = "STATUS", description = "Only this status: ${COMPLETION-CANDIDATES}.")
    PatternStatus status;

    @Option(names = "--json", description = "Print JSON instead of a table.")
    boolean json;

    @Override
    public Integer call() throws Exception {
        return Run.guarded(spec, () -> {
            AppConfig config = cluster.config(List.of());
            cluster.authenticate(config);
            ModelState state = StateLoader.load(AdminApp.clients(config),
                    List.of(Topics.PATTERN_LIBRARY, Topics.MODEL_CHANGELOG));
            long version = state.read(ModelState::libraryVersion);
            List<PatternRow> rows = state.read(s -> s.patterns().values().stream()
                    .filter(p -> status == null || p.getStatus() == status).map(PatternRow::of).toList());
            PrintWriter out = spec.commandLine().getOut();
            if (json) {
                out.println(Json.tree(rows).toPrettyString());
                out.flush();
                return 0;
            }
            out.printf("library version %d; %d pattern(s)%s%n", version, rows.size(),
                    status == null ? "" : " with status " + status);
            Table table = new Table("ID", "STATUS", "DIR", "N", "HIT RATE [CI]", "EV%", "MFE%", "MAE%", "VER", "LIB",
                    "ORIGIN");
            for (PatternRow p : rows) {
                table.row(p.id(), p.status(), p.direction(), p.n(), Formats.rate(p.hitRate(), p.lower(), p.upper()),
                        Formats.number(p.expectedValue(), 2), Formats.number(p.avgMfePct(), 2),
                        Formats.number(p.avgMaePct(), 2), p.version(), p.libraryVersion(), p.origin());
            }
            table.print(out);
            return 0;
        });
    }
}
