package io.edgeloop.admin.cli;

import org.junit.jupiter.api.Test;

import java.io.PrintWriter;
import java.io.StringWriter;

import static org.assertj.core.api.Assertions.assertThat;

class TableTest {

    @Test
    void shouldKeepTheFirstColumnWholeAndCutOtherLongCells() {
        String id = "retro-2026-04-17-add_pattern-" + "x".repeat(64);
        String summary = "s".repeat(80);
        StringWriter text = new StringWriter();
        new Table("ID", "SUMMARY").row(id, summary).print(new PrintWriter(text));
        String row = text.toString().lines().toList().get(1);
        assertThat(row).startsWith(id + "  ").endsWith("s".repeat(57) + "...");
    }
}
