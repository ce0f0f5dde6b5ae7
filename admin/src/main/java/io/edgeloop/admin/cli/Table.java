package io.edgeloop.admin.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;

/**
 * A plain-text table: a header row and left-aligned columns two spaces apart, cells cut at 60
 * characters but for the first column, which holds what an operator copies into the next command
 * (change and pattern ids, up to about 100 characters) and stays whole.
 */
final class Table {

    private static final int MAX_CELL = 60;

    private final List<String[]> rows = new ArrayList<>();

    Table(String... header) {
        rows.add(header);
    }

    Table row(Object... cells) {
        String[] text = new String[cells.length];
        for (int i = 0; i < cells.length; i++) {
            String s = cells[i] == null ? "-" : String.valueOf(cells[i]);
            text[i] = i > 0 && s.length() > MAX_CELL ? s.substring(0, MAX_CELL - 3) + "..." : s;
        }
        rows.add(text);
        return this;
    }

    void print(PrintWriter out) {
        int columns = rows.get(0).length;
        int[] width = new int[columns];
        for (String[] row : rows) {
            for (int i = 0; i < columns; i++) {
                width[i] = Math.max(width[i], row[i].length());
            }
        }
        for (String[] row : rows) {
            StringBuilder line = new StringBuilder();
            for (int i = 0; i < columns; i++) {
                line.append(i == columns - 1 ? row[i] : String.format("%-" + width[i] + "s  ", row[i]));
            }
            out.println(line.toString().stripTrailing());
        }
        out.flush();
    }
}
