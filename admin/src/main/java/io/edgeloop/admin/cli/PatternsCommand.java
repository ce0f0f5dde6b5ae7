package io.edgeloop.admin.cli;

import io.edgeloop.admin.view.ModelState;
import io.edgeloop.admin.view.PatternRow;
import io.edgeloop.schemas.avro.PatternStatus;
import io.edgeloop.schemas.topics.Topic;
import io.edgeloop.schemas.topics.Topics;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.PrintWriter;
import java.util.List;

/** {@code edgeloop admin patterns}: the pattern library. */
@Command(name = "patterns", mixinStandardHelpOptions = true,
        description = "List the pattern library: status, direction, n, hit rate with its interval, EV, MFE/MAE, versions.")
public final class PatternsCommand extends ListCommand<List<PatternRow>> {

    @Option(names = "--status", paramLabel = "STATUS", description = "Only this status: ${COMPLETION-CANDIDATES}.")
    PatternStatus status;

    @Override
    List<Topic<String, ?>> topics() {
        return List.of(Topics.PATTERN_LIBRARY, Topics.MODEL_CHANGELOG);
    }

    @Override
    List<PatternRow> view(ModelState state) {
        return state.read(s -> s.patterns().values().stream()
                .filter(p -> status == null || p.getStatus() == status).map(PatternRow::of).toList());
    }

    @Override
    void printTable(List<PatternRow> rows, ModelState state, PrintWriter out) {
        out.printf("library version %d; %d pattern(s)%s%n", state.read(ModelState::libraryVersion), rows.size(),
                status == null ? "" : " with status " + status);
        Table table = new Table("ID", "STATUS", "DIR", "N", "HIT RATE [CI]", "EV%", "MFE%", "MAE%", "VER", "LIB",
                "ORIGIN");
        for (PatternRow p : rows) {
            table.row(p.id(), p.status(), p.direction(), p.n(), Formats.rate(p.hitRate(), p.lower(), p.upper()),
                    Formats.number(p.expectedValue(), 2), Formats.number(p.avgMfePct(), 2),
                    Formats.number(p.avgMaePct(), 2), p.version(), p.libraryVersion(), p.origin());
        }
        table.print(out);
    }
}
