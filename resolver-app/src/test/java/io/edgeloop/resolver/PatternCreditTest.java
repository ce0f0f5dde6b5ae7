package io.edgeloop.resolver;

import io.edgeloop.core.stats.Observation;
import io.edgeloop.schemas.avro.Direction;
import io.edgeloop.schemas.avro.Outcome;
import io.edgeloop.schemas.avro.OutcomeAction;
import io.edgeloop.schemas.avro.OutcomeStatus;
import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class PatternCreditTest {

    /** SPY 2025-04-09 close 548.62, next 5 bars: exit 525.66, lowest low 509.32, highest high 544.28. */
    private static final double ENTRY = 548.62;
    private static final double RAW = (525.66 - ENTRY) / ENTRY * 100;
    private static final double DOWN_MOVE = (ENTRY - 509.32) / ENTRY * 100;

    @Test
    void shouldJudgeADownPatternOnAnUpCallInTheDownDirection() {
        Outcome upCall = outcome(Direction.UP, RAW, 0.0, -DOWN_MOVE);

        Observation o = PatternCredit.observe(upCall, io.edgeloop.core.rules.Direction.DOWN, 2.0);

        assertThat(o.hit()).isTrue();
        assertThat(o.returnPct()).isCloseTo(-RAW, within(1e-12));
        assertThat(o.mfePct()).isCloseTo(DOWN_MOVE, within(1e-12));
        assertThat(o.maePct()).isEqualTo(0.0);
    }

    @Test
    void shouldJudgeAnUpPatternOnADownCallInTheUpDirection() {
        Outcome downCall = outcome(Direction.DOWN, -RAW, DOWN_MOVE, 0.0);

        Observation o = PatternCredit.observe(downCall, io.edgeloop.core.rules.Direction.UP, 2.0);

        assertThat(o.hit()).isFalse();
        assertThat(o.returnPct()).isCloseTo(RAW, within(1e-12));
        assertThat(o.mfePct()).isEqualTo(0.0);
        assertThat(o.maePct()).isCloseTo(DOWN_MOVE, within(1e-12));
    }

    @Test
    void shouldJudgeANeutralPatternOnTheSizeOfTheMoveEitherWay() {
        Outcome downCall = outcome(Direction.DOWN, -RAW, DOWN_MOVE, 0.0);

        Observation o = PatternCredit.observe(downCall, io.edgeloop.core.rules.Direction.NEUTRAL, 2.0);

        assertThat(o.hit()).isTrue();
        assertThat(o.returnPct()).isCloseTo(RAW, within(1e-12));
        assertThat(o.mfePct()).isCloseTo(DOWN_MOVE, within(1e-12));
        assertThat(PatternCredit.observe(downCall, io.edgeloop.core.rules.Direction.NEUTRAL, 5.0).hit()).isFalse();
    }

    @Test
    void shouldRefuseAnOutcomeWithoutFigures() {
        Outcome expired = Outcome.newBuilder(outcome(Direction.UP, 0, 0, 0)).setStatus(OutcomeStatus.EXPIRED)
                .setExitPrice(null).setReturnPct(null).setMfePct(null).setMaePct(null).build();

        assertThatThrownBy(() -> PatternCredit.observe(expired, io.edgeloop.core.rules.Direction.UP, 2.0))
                .hasMessage("outcome of p1 has no figures to learn from (status EXPIRED)");
    }

    private static Outcome outcome(Direction call, double ret, double mfe, double mae) {
        return Outcome.newBuilder().setPredictionId("p1").setTicker("SPY").setDirection(call).setHorizonDays(5)
                .setPredictionTime(Instant.parse("2025-04-09T00:00:00Z"))
                .setResolvedTime(Instant.parse("2025-04-16T00:00:00Z")).setStatus(OutcomeStatus.RESOLVED)
                .setEntryPrice(ENTRY).setExitPrice(525.66).setReturnPct(ret).setMfePct(mfe).setMaePct(mae)
                .setTimeToPeakDays(1).setHit(ret >= 2).setAction(OutcomeAction.SKIPPED).setLibraryVersion(1).build();
    }
}
