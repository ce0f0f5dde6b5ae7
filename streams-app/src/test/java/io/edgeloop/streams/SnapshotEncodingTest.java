package io.edgeloop.streams;

import io.edgeloop.core.candle.Candle;
import io.edgeloop.core.candle.SessionCalendar;
import io.edgeloop.core.candle.Timeframe;
import io.edgeloop.core.signals.TickerSignal;
import io.edgeloop.schemas.avro.Direction;
import io.edgeloop.schemas.avro.PatternDefinition;
import io.edgeloop.schemas.avro.PatternStatus;
import io.edgeloop.schemas.avro.MarketSignal;
import io.edgeloop.schemas.avro.Prediction;
import io.edgeloop.schemas.avro.PredictionTrigger;
import io.edgeloop.schemas.avro.ScoreSnapshot;
import io.edgeloop.schemas.avro.SignalLabel;
import io.edgeloop.schemas.avro.Stage;
import io.edgeloop.schemas.serde.AvroBuffer;
import io.edgeloop.schemas.topics.Topics;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link SnapshotEncoding} writes, for every step of a real run, the bytes the catalog serde writes
 * for {@link SnapshotMapping#of} of that step, and {@link TickerSignals#encode} of the signal from
 * the step writes the serde's bytes of the signal from that snapshot: from the first bar
 * (indicators still null) on, hourly and daily, with matched patterns of every kind (ACTIVE with
 * and without statistics, DEGRADED, CANDIDATE) and without, and every label of a ticker signal.
 * Along the way it checks the lane's direction each snapshot carries and the signal's stage part
 * on long and short lanes ({@code Lanes}).
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
        Lanes lanes = new Lanes();
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
            lanes.check(candle, step, mapped, signal, library);
            sawNull |= mapped.getTimeframes().stream().anyMatch(f -> f.getEma200() == null || f.getStDir() == null);
            sawMatches |= !mapped.getMatchedPatterns().isEmpty();
        }
        assertThat(sawNull).as("steps with indicators not warmed up").isTrue();
        assertThat(sawMatches).as("steps with matched patterns").isEqualTo(library.size() > 0);
        assertThat(labels).as("ticker signal labels seen")
                .containsExactlyInAnyOrder(SignalLabel.BULLISH, SignalLabel.BEARISH, SignalLabel.NEUTRAL);
        assertThat(lanes.shortStages).as("stages of short positions seen")
                .contains(Stage.ENTER, Stage.HOLD, Stage.EXIT);
        assertThat(lanes.longStages).as("stages of long positions seen").contains(Stage.ENTER, Stage.HOLD, Stage.EXIT);
        assertThat(lanes.shortSetups).as("setups in a bear state").isPositive();
        assertThat(lanes.calls).as("stage calls checked against the signal").isPositive();
        return steps;
    }

    /**
     * What the snapshots and signals of a run say about the kanban's lane: the snapshot carries the
     * position's direction at every position stage (ENTER to EXIT) and at no other; the stage part
     * of the signal has the sign of the call {@link Calls} makes for the same stage change (UP for
     * a long's or short's bullish stage); and a snapshot without the direction (written with
     * ScoreSnapshot v1) gives the signal of a long position.
     */
    private final class Lanes {
        final Set<Stage> shortStages = EnumSet.noneOf(Stage.class);
        final Set<Stage> longStages = EnumSet.noneOf(Stage.class);
        int shortSetups;
        int calls;

        void check(Candle candle, ModelStep step, ScoreSnapshot mapped, MarketSignal signal, PatternLibrary library) {
            Stage stage = mapped.getStage();
            Integer direction = mapped.getPositionDirection();
            boolean positionStage = stage.compareTo(Stage.ENTER) >= 0;
            assertThat(direction != null).as("direction at %s", stage).isEqualTo(positionStage);
            if (positionStage) {
                assertThat(direction).isEqualTo(step.positionDirection());
                (direction < 0 ? shortStages : longStages).add(stage);
                ScoreSnapshot unknown = ScoreSnapshot.newBuilder(mapped).setPositionDirection(null).build();
                ScoreSnapshot asLong = ScoreSnapshot.newBuilder(mapped).setPositionDirection(1).build();
                assertThat(TickerSignals.of(unknown, settings.signals()))
                        .isEqualTo(TickerSignals.of(asLong, settings.signals()));
            }
            if (stage == Stage.SETUP && mapped.getState().name().startsWith("HTF_BEAR")) {
                shortSetups++;
            }
            for (Prediction p : Calls.predictions(candle, step, library, settings)) {
                if (p.getTrigger() == PredictionTrigger.STAGE_ENTER || p.getTrigger() == PredictionTrigger.STAGE_TRIM
                        || p.getTrigger() == PredictionTrigger.STAGE_EXIT) {
                    String state = mapped.getState() == null ? null : mapped.getState().name();
                    int position = direction == null ? 0 : direction;
                    double stagePart = TickerSignal.of(state, stage.name().toLowerCase(Locale.ROOT), position, 0,
                            List.of()).statePart() - TickerSignal.of(state, "hold", position, 0, List.of()).statePart();
                    assertThat(Math.signum(stagePart)).as("%s %s %s", candle.ticker(), candle.openTime(), p.getTrigger())
                            .isEqualTo(p.getDirection() == Direction.UP ? 1.0 : -1.0);
                    calls++;
                }
            }
        }
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
