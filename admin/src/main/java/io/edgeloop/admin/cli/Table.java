package io.edgeloop.admin.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;

/**
 * A plain-text table: a header row and left-aligned columns two spaces apart, cells cut at 60
 * characters but for the first column, which holds what an operator copies into the next command
 * (change and pattern ids, up to about 100 characters) and stays whole. Every cell is printed on
 * one line without control characters ({@link #printable}), whatever the topics hold.
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
            String s = cells[i] == null ? "-" : printable(String.valueOf(cells[i]));
            text[i] = i > 0 && s.length() > MAX_CELL ? s.substring(0, MAX_CELL - 3) + "..." : s;
        }
        rows.add(text);
        return this;
    }

    /**
     * The text as one line that does nothing to a terminal: what the cells hold comes from the
     * topics (reasons typed by operators, summaries from other writers), and a line break in a
     * cell would print a row of the text's choosing, an escape sequence would reach the terminal.
     * Line breaks (CR, LF, NEL, U+2028, U+2029) and tabs become a space; every other control
     * character (C0, DEL, C1) and every bidirectional formatting character (which reorders what
     * follows on the line) is shown escaped as <code>&#92;uXXXX</code>.
     */
    static String printable(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (char c : text.toCharArray()) {
            if (c == '\n' || c == '\r' || c == '\t' || c == '\u0085' || c == '\u2028' || c == '\u2029') {
                out.append(' ');
            } else if (Character.isISOControl(c) || bidi(c)) {
                out.append(String.format("\\u%04X", (int) c));
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    /** The bidirectional formatting characters: marks, embeddings, overrides and isolates. */
    private static boolean bidi(char c) {
        return c == '\u061C' || c == '\u200E' || c == '\u200F' || (c >= '\u202A' && c <= '\u202E')
                || (c >= '\u2066' && c <= '\u2069');
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
