package io.edgeloop.stack.loop;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;

import org.junit.jupiter.api.Test;

class ProgressLineTest {

    private static final LoopProgress HALF = new LoopProgress("scoring", 24_000, 24_000, 12_000, 310, 280, 62_000);

    @Test
    void shouldDrawABarOfProcessedOverFoundCandles() {
        assertThat(ProgressLine.render(HALF, true)).isEqualTo("[##########..........]  50%  candles 24,000/24,000 "
                + "published, 12,000 processed | predictions 310 | outcomes 280 | 1:02 scoring");
    }

    @Test
    void shouldDrawAnEmptyBarBeforeTheConnectorFoundAnything() {
        LoopProgress start = new LoopProgress("starting the broker", 0, 0, 0, 0, 0, 900);
        assertThat(ProgressLine.render(start, true)).startsWith("[....................]   0%  candles 0/0");
    }

    @Test
    void shouldPrintPlainLinesWithoutCarriageReturnsWhenNotOnATerminal() throws Exception {
        StringWriter text = new StringWriter();
        try (ProgressLine line = new ProgressLine(new PrintWriter(text), false, () -> HALF, 5, 1)) {
            long deadline = System.nanoTime() + 5_000_000_000L;
            while (text.toString().lines().count() < 2 && System.nanoTime() < deadline) {
                Thread.onSpinWait();
            }
        }
        assertThat(text.toString()).doesNotContain("\r").doesNotContain("[#")
                .startsWith("edgeloop: candles 24,000/24,000 published, 12,000 processed");
    }

    @Test
    void shouldRedrawInPlaceAndEndWithANewLineOnATerminal() throws Exception {
        StringWriter text = new StringWriter();
        try (ProgressLine line = new ProgressLine(new PrintWriter(text), true, () -> HALF, 5, 1)) {
            long deadline = System.nanoTime() + 5_000_000_000L;
            while (!text.toString().contains("\r") && System.nanoTime() < deadline) {
                Thread.onSpinWait();
            }
        }
        assertThat(text.toString()).startsWith("\r[##########").endsWith("\n").contains("\u001b[K");
    }
}
