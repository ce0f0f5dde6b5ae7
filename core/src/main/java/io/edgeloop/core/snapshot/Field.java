package io.edgeloop.core.snapshot;

import java.util.List;

/**
 * One named value of a {@link Snapshot}: the vocabulary of pattern rules.
 *
 * @param index      position in the snapshot's value array
 * @param name       public name used in rules, JSON and topics
 * @param type       value kind
 * @param min        smallest value the model can produce (numbers; 0 for categories)
 * @param max        largest value the model can produce
 * @param integral   only whole numbers occur (counts; booleans, directions and categories too)
 * @param categories allowed names for {@link FieldType#CATEGORY}, empty otherwise
 * @param doc        what the value means and where it comes from
 */
public record Field(int index, String name, FieldType type, double min, double max, boolean integral,
                    List<String> categories, String doc) {

    public Field {
        categories = List.copyOf(categories);
    }

    /** Position of a category name, or -1 when the name is not one of this field's. */
    public int categoryIndex(String category) {
        return categories.indexOf(category);
    }
}
