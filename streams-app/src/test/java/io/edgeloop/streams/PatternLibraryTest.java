package io.edgeloop.streams;

import io.edgeloop.core.candle.Candle;
import io.edgeloop.schemas.avro.Confidence;
import io.edgeloop.schemas.avro.ConfidenceLevel;
import io.edgeloop.schemas.avro.Direction;
import io.edgeloop.schemas.avro.PatternMatch;
import io.edgeloop.schemas.avro.PatternStatus;
import io.edgeloop.schemas.avro.Prediction;
import io.edgeloop.schemas.avro.PredictionTrigger;
import io.edgeloop.schemas.avro.ScoreSnapshot;
import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * The pattern library as a global table, piped before the candles: active patterns match and
 * support a call's confidence, degraded ones match without boosting, retired ones are ignored,
 * and a new version applies to the records after it.
 */
class PatternLibraryTest {

    private final List<Candle> spy = MarketData.history("SPY_60", "2025-03-03T00:00:00Z", "2025-03-12T00:00:00Z");
    private Harness harness;

    @BeforeEach
    void start() {
        harness = new Harness(ScriptedModels.cycle());
        harness.library(Patterns.pattern("always_up", Direction.UP, PatternStatus.ACTIVE, 2, 3, Patterns.always(), 20, 15));
        harness.library(Patterns.pattern("always_down", Direction.DOWN, PatternStatus.ACTIVE, 1, 2, Patterns.always(), 10, 5));
        harness.library(Patterns.pattern("degraded_up", Direction.UP, PatternStatus.DEGRADED, 4, 3, Patterns.always(), 30, 27));
        harness.library(Patterns.pattern("retired_up", Direction.UP, PatternStatus.RETIRED, 1, 1, Patterns.always(), 40, 39));
        harness.library(Patterns.pattern("untested_up", Direction.UP, PatternStatus.ACTIVE, 1, 1, Patterns.always(), 0, 0));
    }

    @AfterEach
    void stop() {
        harness.close();
    }

    @Test
    void shouldMatchActiveDegradedAndUntestedPatternsButNotRetiredOnesWithTheirRevisions() {
        harness.pipe(spy.subList(0, 3));

        ScoreSnapshot last = harness.scores.readRecordsToList().get(2).value();
        assertThat(last.getMatchedPatterns()).extracting(PatternMatch::getPatternId)
                .containsExactly("always_down", "always_up", "degraded_up", "untested_up");
        assertThat(last.getMatchedPatterns()).extracting(PatternMatch::getVersion).containsExactly(1, 2, 4, 1);
        assertThat(last.getMatchedPatterns().get(2).getStatus()).isEqualTo(PatternStatus.DEGRADED);
        assertThat(last.getMatchedPatterns().get(1).getConfidence()).isCloseTo(16.0 / 22, within(1e-12));
        assertThat(last.getMatchedPatterns().get(3).getConfidence()).isNull();
        assertThat(last.getLibraryVersion()).isEqualTo(3);
    }

    @Test
    void shouldTakeConfidenceFromTheBestActivePatternOfTheCallsDirection() {
        harness.pipe(spy.subList(0, 8));

        List<Prediction> predictions = values(harness.predictions.readRecordsToList());
        Prediction enter = first(predictions, PredictionTrigger.STAGE_ENTER);
        assertThat(enter.getDirection()).isEqualTo(Direction.UP);
        Confidence up = enter.getConfidence();
        assertThat(up.getPatternId()).isEqualTo("always_up");
        assertThat(up.getPosteriorMean()).isCloseTo(16.0 / 22, within(1e-12));
        assertThat(up.getN()).isEqualTo(20);
        assertThat(up.getLevel()).isEqualTo(ConfidenceLevel.HIGH);
        assertThat(up.getLower()).isLessThan(up.getPosteriorMean());
        assertThat(up.getUpper()).isGreaterThan(up.getPosteriorMean());

        Prediction trim = first(predictions, PredictionTrigger.STAGE_TRIM);
        assertThat(trim.getDirection()).isEqualTo(Direction.DOWN);
        assertThat(trim.getConfidence().getPatternId()).isEqualTo("always_down");
        assertThat(trim.getConfidence().getLevel()).isEqualTo(ConfidenceLevel.MEDIUM);
        assertThat(trim.getMatchedPatterns()).extracting(PatternMatch::getPatternId).contains("degraded_up");
        assertThat(trim.getLibraryVersion()).isEqualTo(3);
    }

    @Test
    void shouldApplyANewLibraryVersionToTheRecordsAfterIt() {
        harness.pipe(spy.subList(0, 4));
        harness.library(Patterns.pattern("always_up", Direction.UP, PatternStatus.DEGRADED, 3, 4, Patterns.always(), 25, 15));
        harness.pipe(spy.subList(4, 8));

        List<ScoreSnapshot> scores = values(harness.scores.readRecordsToList());
        assertThat(scores.subList(0, 4)).allSatisfy(s -> {
            assertThat(s.getLibraryVersion()).isEqualTo(3);
            assertThat(match(s, "always_up").getStatus()).isEqualTo(PatternStatus.ACTIVE);
        });
        assertThat(scores.subList(4, 8)).allSatisfy(s -> {
            assertThat(s.getLibraryVersion()).isEqualTo(4);
            assertThat(match(s, "always_up").getVersion()).isEqualTo(3);
            assertThat(match(s, "always_up").getStatus()).isEqualTo(PatternStatus.DEGRADED);
        });
        Prediction enter = first(values(harness.predictions.readRecordsToList()), PredictionTrigger.STAGE_ENTER);
        assertThat(enter.getBarTime().toEpochMilli()).isEqualTo(spy.get(4).openTime());
        assertThat(enter.getConfidence().getPatternId()).isNull();
        assertThat(enter.getLibraryVersion()).isEqualTo(4);
    }

    @Test
    void shouldFallBackToThePriorWhenNoActivePatternSupportsTheCall() {
        harness.deletePattern("always_up");
        harness.deletePattern("untested_up");
        harness.pipe(spy.subList(0, 5));

        Confidence prior = first(values(harness.predictions.readRecordsToList()), PredictionTrigger.STAGE_ENTER)
                .getConfidence();
        assertThat(prior.getPatternId()).isNull();
        assertThat(prior.getN()).isZero();
        assertThat(prior.getPosteriorMean()).isEqualTo(0.5);
        assertThat(prior.getLower()).isCloseTo(0.025, within(1e-9));
        assertThat(prior.getUpper()).isCloseTo(0.975, within(1e-9));
        assertThat(prior.getLevel()).isEqualTo(ConfidenceLevel.MEDIUM);
    }

    @Test
    void shouldCountOnlyActivePatternsInTheTickerSignal() {
        harness.pipe(spy.subList(0, 1));
        double withActive = harness.signals.readRecordsToList().get(0).value().getNet();
        harness.library(Patterns.pattern("always_up", Direction.UP, PatternStatus.DEGRADED, 3, 4, Patterns.always(), 20, 15));
        harness.library(Patterns.pattern("always_down", Direction.DOWN, PatternStatus.DEGRADED, 2, 4, Patterns.always(), 10, 5));
        harness.pipe(spy.subList(1, 2));
        double stateOnly = harness.signals.readRecordsToList().get(0).value().getNet();

        double statePart = 0.5 + 0.0 + 0.2;
        double patternPart = (16.0 / 22 - 6.0 / 12) / 2;
        assertThat(stateOnly).isCloseTo(statePart, within(1e-12));
        assertThat(withActive).isCloseTo((statePart + patternPart) / 2, within(1e-12));
    }

    private static PatternMatch match(ScoreSnapshot s, String id) {
        return s.getMatchedPatterns().stream().filter(m -> m.getPatternId().equals(id)).findFirst().orElseThrow();
    }

    private static Prediction first(List<Prediction> predictions, PredictionTrigger trigger) {
        return predictions.stream().filter(p -> p.getTrigger() == trigger).findFirst().orElseThrow();
    }

    private static <V> List<V> values(List<TestRecord<String, V>> records) {
        return records.stream().map(TestRecord::value).toList();
    }
}
