package io.edgeloop.admin.view;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.edgeloop.schemas.avro.Outcome;
import io.edgeloop.schemas.json.AvroJson;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The predictions that pass a filter, newest first, each with its outcome.
 *
 * @param total how many passed the filter (rows holds at most the limit)
 * @param rows  the rows
 */
public record PredictionList(int total, List<Entry> rows) {

    /**
     * A prediction and its outcome.
     *
     * @param prediction the prediction
     * @param outcome    its outcome as plain JSON, or null while open
     */
    public record Entry(PredictionRow prediction, ObjectNode outcome) {
    }

    /** The list from the state. */
    public static PredictionList of(ModelState state, PredictionFilter filter) {
        return state.read(s -> {
            List<PredictionRow> matching = new ArrayList<>();
            for (PredictionRow p : s.predictions().values()) {
                if (passes(p, s.outcomes().get(p.id()), filter)) {
                    matching.add(p);
                }
            }
            matching.sort(Comparator.comparing(PredictionRow::barTime).thenComparing(PredictionRow::id).reversed());
            List<Entry> rows = matching.stream().limit(filter.limit())
                    .map(p -> {
                        Outcome o = s.outcomes().get(p.id());
                        return new Entry(p, o == null ? null : AvroJson.toJson(o));
                    }).toList();
            return new PredictionList(matching.size(), rows);
        });
    }

    private static boolean passes(PredictionRow p, Outcome o, PredictionFilter f) {
        if (f.ticker() != null && !f.ticker().equalsIgnoreCase(p.ticker())) {
            return false;
        }
        if (f.trigger() != null && !f.trigger().equals(p.trigger())) {
            return false;
        }
        if (f.resolved() != null && f.resolved() != (o != null)) {
            return false;
        }
        if (f.hit() != null && (o == null || o.getHit() == null || o.getHit() != f.hit())) {
            return false;
        }
        return f.action() == null || (o != null && f.action().equals(o.getAction().name()));
    }
}
