package io.edgeloop.stack.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Locale;

import org.junit.jupiter.api.Test;

import io.edgeloop.core.candle.SessionCalendar;
import io.edgeloop.core.candle.Timeframe;
import io.edgeloop.core.engine.PatternMatcher;
import io.edgeloop.core.engine.TickerEngine;
import io.edgeloop.core.indicators.TimeframeBundle;
import io.edgeloop.core.model.ModelConfig;

/** The Scaling section of docs/DEPLOY.md quotes the engine state sizes the code has now. */
class SizingDocTest {

    private static final String DOC = DeployFiles.text(DeployFiles.file("docs/DEPLOY.md"));

    @Test
    void shouldQuoteTheMeasuredStatePerTickerForEveryBaseInterval() {
        for (Timeframe base : List.of(Timeframe.D1, Timeframe.H4, Timeframe.H1, Timeframe.M30, Timeframe.M10,
                Timeframe.M15, Timeframe.M5)) {
            for (SessionCalendar calendar : SessionCalendar.values()) {
                int size = new TickerEngine(base, calendar, ModelConfig.defaults(), PatternMatcher.NONE).size();
                assertThat(DOC).as("DEPLOY.md state per ticker for a " + base + " feed (" + calendar + ")")
                        .containsPattern("\\n\\| (?:[^|\\n]*, )?" + base.code() + "(?:, [^|\\n]*)? \\| [^|\\n]* \\| " + bytes(size)
                                + " bytes \\|");
            }
        }
        assertThat(DOC).contains("`TimeframeBundle.size()`, " + bytes(new TimeframeBundle().size()) + " bytes each");
    }

    @Test
    void shouldProvisionTheLargestStateWithOneStandbyAndTheRocksDbAllowance() {
        int largest = new TickerEngine(Timeframe.M5, SessionCalendar.US_EQUITY, ModelConfig.defaults(),
                PatternMatcher.NONE).size();

        assertThat(DOC).contains("| 5,000 | ").contains(" | " + mib(5_000L * largest * 4) + " |");
        assertThat(DOC).contains("| 300 (about the shipped data) | ").contains(" | " + mib(300L * largest * 4) + " |");
    }

    private static String bytes(int n) {
        return String.format(Locale.ROOT, "%,d", n);
    }

    private static String mib(long bytes) {
        return Math.round(bytes / (1024.0 * 1024.0)) + " MiB";
    }
}
