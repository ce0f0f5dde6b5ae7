package io.edgeloop.streams;

import io.edgeloop.core.candle.Candle;
import io.edgeloop.core.candle.SessionCalendar;
import io.edgeloop.core.candle.Timeframe;
import io.edgeloop.schemas.avro.Direction;
import io.edgeloop.schemas.avro.PatternDefinition;
import io.edgeloop.schemas.avro.PatternStatus;
import io.edgeloop.schemas.avro.MarketSignal;
import io.edgeloop.schemas.avro.ScoreSnapshot;
import io.edgeloop.schemas.avro.SignalLabel;
import io.edgeloop.schemas.serde.AvroBuffer;
import io.edgeloop.schemas.topics.Topics;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link SnapshotEncoding} writes, for every step of a real run, the bytes the catalog serde writes
 * for {@link SnapshotMapping#of} of that step, and {@link TickerSignals#encode} of the signal from
 * the step writes the serde's bytes of the signal from that snapshot: from the first bar
 * (indicators still null) on, hourly and daily, with matched patterns of every kind (ACTIVE with
 * and without statistics, DEGRADED, CANDIDATE) and without, and every label of a ticker signal.
 */
class SnapshotEncodingTest {

    private final StreamsSettings settings = Harness.settings();
    private final TickerModels models = CoreTickerModels.of(settings);

    @Test
    void shouldWriteTheSerdesBytesOfTheMappedSnapshotForEveryHourlyStep() {
        int steps = check(MarketData.history("MSTR_60"), Timeframe.H1, SessionCalendar.US_EQUITY, library());
        assertThat(steps).isGreaterThan(10_000);
    }

    @Test
    void shouldWriteTheSerdesBytesOfTheMappedSnapshotForEveryDailyStepWithoutPatterns() {
        int steps = check(MarketData.history("NVDA_D"), Timeframe.D1, SessionCalendar.US_EQUITY, PatternLibrary.EMPTY);
        assertThat(steps).isGreaterThan(1_000);
    }

    /** Runs the model over the candles and compares both ways at every accepted step; answers the steps. */
    private int check(List<Candle> candles, Timeframe base, SessionCalendar calendar, PatternLibrary library) {
        TickerModel model = models.create(base, calendar);
        model.reset();
        model.library(library);
        AvroBuffer buffer = new AvroBuffer();
        SnapshotEncoding encoding = new SnapshotEncoding(buffer);
        int steps = 0;
        boolean sawNull = false;
        boolean sawMatches = false;
        Set<SignalLabel> labels = EnumSet.noneOf(SignalLabel.class);
        for (Candle candle : candles) {
            ModelStep step = model.update(candle);
            if (!step.accepted()) {
                continue;
            }
            steps++;
            ScoreSnapshot mapped = SnapshotMapping.of(candle, step, library);
            byte[] expected = Topics.SCORES.valueSerde().serializer().serialize(Topics.SCORES.name(), mapped);
            byte[] direct = encoding.encode(candle, step, library);
            assertThat(direct).as("%s %s", candle.ticker(), candle.openTime()).isEqualTo(expected);
            assertThat(SnapshotEncoding.decode(direct)).isEqualTo(mapped);
            MarketSignal signal = TickerSignals.of(mapped, settings.signals());
            byte[] signalBytes = TickerSignals.encode(candle.ticker(), candle.openTime(),
                    TickerSignals.of(step, library, settings.signals()), buffer);
            assertThat(signalBytes).isEqualTo(Topics.SIGNALS.valueSerde().serializer()
                    .serialize(Topics.SIGNALS.name(), signal));
            labels.add(signal.getLabel());
            sawNull |= mapped.getTimeframes().stream().anyMatch(f -> f.getEma200() == null || f.getStDir() == null);
            sawMatches |= !mapped.getMatchedPatterns().isEmpty();
        }
        assertThat(sawNull).as("steps with indicators not warmed up").isTrue();
        assertThat(sawMatches).as("steps with matched patterns").isEqualTo(library.size() > 0);
        assertThat(labels).as("ticker signal labels seen")
                .containsExactlyInAnyOrder(SignalLabel.BULLISH, SignalLabel.BEARISH, SignalLabel.NEUTRAL);
        return steps;
    }

    /** The seed patterns with statistics, and patterns that always match: without statistics, DEGRADED, CANDIDATE. */
    private static PatternLibrary library() {
        List<PatternDefinition> patterns = new ArrayList<>(Patterns.seeds(20, 15));
        patterns.add(Patterns.pattern("always_active_unknown", Direction.UP, PatternStatus.ACTIVE, 1, 3,
                Patterns.always(), 0, 0));
        patterns.add(Patterns.pattern("always_degraded", Direction.DOWN, PatternStatus.DEGRADED, 2, 2,
                Patterns.always(), 30, 9));
        patterns.add(Patterns.pattern("always_candidate", Direction.UP, PatternStatus.CANDIDATE, 1, 1,
                Patterns.always(), 4, 1));
        return PatternLibrary.of(patterns);
    }
}
