package io.edgeloop.admin.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.edgeloop.admin.view.Health;
import io.edgeloop.admin.view.ModelState;
import io.edgeloop.admin.view.PredictionFilter;
import io.edgeloop.admin.view.PredictionList;
import io.edgeloop.admin.view.PredictionRow;
import io.edgeloop.schemas.topics.Topic;
import io.edgeloop.schemas.topics.Topics;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;

import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;

/** {@code edgeloop admin predictions}: the prediction log with outcomes. */
@Command(name = "predictions", mixinStandardHelpOptions = true,
        description = "List predictions, newest first, with their outcomes and the overall hit rate.")
public final class PredictionsCommand extends ListCommand<PredictionList> {

    @Option(names = "--ticker", paramLabel = "TICKER", description = "Only this ticker.")
    String ticker;

    @Option(names = "--trigger", paramLabel = "TRIGGER", description = "Only this trigger, e.g. STAGE_ENTER.")
    String trigger;

    @Option(names = "--open", description = "Only predictions without an outcome yet.")
    boolean open;

    @Option(names = "--limit", paramLabel = "N", defaultValue = "50", description = "Most rows (default ${DEFAULT-VALUE}).")
    int limit;

    private PredictionFilter filter;

    @Override
    void check() {
        try {
            filter = new PredictionFilter(ticker == null ? null : ticker.toUpperCase(Locale.ROOT), trigger,
                    open ? Boolean.FALSE : null, null, null, limit);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), "--limit: " + e.getMessage());
        }
    }

    @Override
    List<Topic<String, ?>> topics() {
        return List.of(Topics.PREDICTIONS, Topics.OUTCOMES);
    }

    @Override
    PredictionList view(ModelState state) {
        return PredictionList.of(state, filter);
    }

    @Override
    void printTable(PredictionList list, ModelState state, PrintWriter out) {
        Health health = Health.of(state);
        out.printf("%d prediction(s), %d outcome(s), hit rate %s; showing %d of %d%n", health.predictions(),
                health.outcomes(), Formats.rate(health.overall()), list.rows().size(), list.total());
        Table table = new Table("BAR TIME", "TICKER", "TRIGGER", "DIR", "ENTRY", "CONFIDENCE", "RESULT", "RETURN%",
                "MFE%", "MAE%", "ACTION", "ID");
        for (PredictionList.Entry e : list.rows()) {
            PredictionRow p = e.prediction();
            ObjectNode o = e.outcome();
            table.row(p.barTime(), p.ticker(), p.trigger(), p.direction(), Formats.number(p.entryPrice(), 2),
                    p.confidenceLevel() + " " + Formats.number(p.posteriorMean() * 100, 0) + "%", result(o),
                    o == null ? null : Formats.number(number(o, "returnPct"), 2),
                    o == null ? null : Formats.number(number(o, "mfePct"), 2),
                    o == null ? null : Formats.number(number(o, "maePct"), 2),
                    o == null ? null : o.path("action").asText(), p.id());
        }
        table.print(out);
    }

    private static String result(ObjectNode o) {
        if (o == null) {
            return "OPEN";
        }
        if (o.path("hit").isNull()) {
            return "EXPIRED";
        }
        return o.path("hit").asBoolean() ? "HIT" : "MISS";
    }

    private static Double number(ObjectNode o, String field) {
        return o.path(field).isNumber() ? o.path(field).asDouble() : null;
    }
}
