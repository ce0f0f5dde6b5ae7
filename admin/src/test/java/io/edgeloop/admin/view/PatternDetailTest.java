package io.edgeloop.admin.view;

import io.edgeloop.schemas.avro.Direction;
import io.edgeloop.schemas.avro.Magnitude;
import io.edgeloop.schemas.avro.Outcome;
import io.edgeloop.schemas.avro.OutcomeAction;
import io.edgeloop.schemas.avro.OutcomeStatus;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** A pattern's hits are judged as the keeper credits them: by the raw return in the pattern's direction. */
class PatternDetailTest {

    /** An outcome of an UP call from 100 to {@code exit}, with the call's own verdict {@code hit}. */
    private static Outcome upCall(double exit, boolean hit) {
        double ret = exit - 100;
        return Outcome.newBuilder().setPredictionId("p").setTicker("SPY").setDirection(Direction.UP).setHorizonDays(5)
                .setPredictionTime(Instant.parse("2025-04-21T00:00:00Z"))
                .setResolvedTime(Instant.parse("2025-04-28T00:00:00Z")).setStatus(OutcomeStatus.RESOLVED)
                .setReason(null).setEntryPrice(100).setExitPrice(exit).setReturnPct(ret)
                .setMfePct(Math.max(ret, 0)).setMaePct(Math.min(ret, 0)).setTimeToPeakDays(3).setHit(hit)
                .setMagnitude(Magnitude.LARGE).setAction(OutcomeAction.SKIPPED).setTradeId(null)
                .setMatchedPatterns(List.of()).setLibraryVersion(1).build();
    }

    @Test
    void shouldCountALargeMoveEitherWayAsAHitOfANeutralPattern() {
        assertThat(PatternDetail.hit(upCall(95, false), Direction.NEUTRAL, 2.0)).as("a 5% fall").isTrue();
        assertThat(PatternDetail.hit(upCall(105, true), Direction.NEUTRAL, 2.0)).as("a 5% rise").isTrue();
        assertThat(PatternDetail.hit(upCall(101, false), Direction.NEUTRAL, 2.0)).as("a 1% rise").isFalse();
    }

    @Test
    void shouldJudgeADirectionalPatternByTheReturnInItsOwnDirection() {
        assertThat(PatternDetail.hit(upCall(95, false), Direction.DOWN, 2.0)).isTrue();
        assertThat(PatternDetail.hit(upCall(95, false), Direction.UP, 2.0)).isFalse();
        assertThat(PatternDetail.hit(upCall(102, true), Direction.UP, 2.0)).as("at the threshold").isTrue();
        assertThat(PatternDetail.hit(upCall(101.5, true), Direction.UP, 2.0))
                .as("the return decides, not the call's verdict").isFalse();
    }
}
