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

    @Test
    void shouldPrintLineBreaksAsSpacesAndEscapeOtherControlAndBidiCharacters() {
        String reason = "one\r\ntwo\tthree\u2028\u001b[2J\u009b31m\u202eevil\u2066\u007f";
        StringWriter text = new StringWriter();
        new Table("ID", "REASON").row("id\nforged", reason).print(new PrintWriter(text));
        assertThat(text.toString().lines()).hasSize(2);
        assertThat(text.toString().lines().toList().get(1))
                .isEqualTo("id forged  one  two three \\u001B[2J\\u009B31m\\u202Eevil\\u2066\\u007F");
    }
}
