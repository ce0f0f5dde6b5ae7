package io.edgeloop.admin.cli;

import com.fasterxml.jackson.databind.JsonNode;
import io.edgeloop.admin.view.ModelState;
import io.edgeloop.admin.view.Proposals;
import io.edgeloop.schemas.topics.Topic;
import io.edgeloop.schemas.topics.Topics;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.PrintWriter;
import java.util.List;

/** {@code edgeloop admin proposals}: the pending model changes with their evidence. */
@Command(name = "proposals", mixinStandardHelpOptions = true,
        description = "List pending model changes with their evidence; --all adds decided ones with who and when.")
public final class ProposalsCommand extends ListCommand<Proposals> {

    @Option(names = "--all", description = "Also list decided changes (applied, rejected, invalid, rolled back).")
    boolean all;

    @Override
    List<Topic<String, ?>> topics() {
        return List.of(Topics.MODEL_CHANGELOG, Topics.APPROVALS, Topics.PATTERN_LIBRARY);
    }

    @Override
    Proposals view(ModelState state) {
        return Proposals.of(state);
    }

    @Override
    void printTable(Proposals proposals, ModelState state, PrintWriter out) {
        out.printf("library version %d; %d pending proposal(s)%n", proposals.libraryVersion(),
                proposals.pending().size());
        if (!proposals.pending().isEmpty()) {
            Table table = new Table("ID", "KIND", "PATTERN", "N", "HIT RATE [95%]", "Q", "PROPOSED BY", "PROPOSED AT",
                    "AWAITING", "SUMMARY");
            for (Proposals.Pending p : proposals.pending()) {
                JsonNode c = p.change();
                JsonNode e = c.path("evidence");
                table.row(c.path("id").asText(), c.path("kind").asText(), text(c.path("patternId")),
                        e.path("n").asInt(), rate(e), text(e.path("qValue")), c.path("proposedBy").asText(),
                        c.path("proposedAt").asText(), p.awaiting().isEmpty() ? "-"
                                : p.awaiting().get(p.awaiting().size() - 1).path("action").asText() + " by "
                                + p.awaiting().get(p.awaiting().size() - 1).path("actor").asText(),
                        c.path("summary").asText());
            }
            table.print(out);
        }
        if (all && !proposals.decided().isEmpty()) {
            out.println();
            Table table = new Table("ID", "KIND", "PATTERN", "STATUS", "DECIDED BY", "DECIDED AT", "VERSION",
                    "REASON");
            for (Proposals.Decided d : proposals.decided()) {
                JsonNode c = d.change();
                JsonNode decision = c.path("decision");
                String versions = c.path("libraryVersionAfter").isNull() || c.path("libraryVersionAfter").isMissingNode()
                        ? "-" : c.path("libraryVersionBefore").asText() + "->" + c.path("libraryVersionAfter").asText();
                table.row(c.path("id").asText(), c.path("kind").asText(), text(c.path("patternId")),
                        c.path("status").asText(), text(decision.path("actor")), text(decision.path("decidedAt")),
                        versions, decision.isNull() || decision.isMissingNode() ? text(c.path("statusReason"))
                                : decision.path("reason").asText());
            }
            table.print(out);
        }
    }

    static String text(JsonNode node) {
        return node == null || node.isNull() || node.isMissingNode() ? "-" : node.asText();
    }

    private static String rate(JsonNode evidence) {
        JsonNode rate = evidence.path("hitRate");
        if (rate.isNull() || rate.isMissingNode()) {
            return "-";
        }
        return Formats.rate(rate.asDouble(), evidence.path("lower").asDouble(0), evidence.path("upper").asDouble(1));
    }
}
