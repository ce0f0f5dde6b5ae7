package io.edgeloop.core.model;

import org.junit.jupiter.api.Test;

import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

class KanbanTest {

    private static final long HOUR = 3_600_000L;
    private static final long T0 = 1_700_000_000_000L;
    private static final ModelConfig CONFIG = ModelConfig.defaults();

    private final Kanban kanban = new Kanban(CONFIG);
    private final MoveTracker moves = new MoveTracker();
    private final PatternMatches none = new PatternMatches(4);

    /** A bull pullback at 100 with a fresh bull trigger, 1.5 ATR of room and the stop 1 away. */
    private static BarFacts bullPullback(long time) {
        BarFacts f = new BarFacts();
        f.time = time;
        f.close = 100;
        f.htf = 20;
        f.ltf = -5;
        f.state = StateQuadrant.of(f.htf, f.ltf);
        f.rank = 60;
        f.riskReward = 2;
        f.flipLtf = 1;
        f.primaryRsi = 50;
        f.primaryMom = 1;
        f.primaryStDir = 1;
        f.primaryStLine = 99;
        f.riskUnit = 2;
        return f;
    }

    private static BarFacts at(BarFacts f, long time, double close) {
        f.time = time;
        f.close = close;
        return f;
    }

    @Test
    void shouldEnterLongOnPullbackPathWithFreshTriggerAndConfirmingFlip() {
        moves.onTrigger(1, T0 - HOUR, 99.5, 5);
        kanban.step(bullPullback(T0), moves, none);
        assertThat(kanban.stage()).isEqualTo(Stage.ENTER);
        assertThat(kanban.event()).isEqualTo(PositionEvent.OPEN);
        assertThat(kanban.entryPath()).isEqualTo(EntryPath.PULLBACK);
        assertThat(kanban.direction()).isEqualTo(1);
        assertThat(kanban.stop()).isEqualTo(99);
        assertThat(kanban.pnlPct()).isZero();
    }

    @Test
    void shouldStayInSetupWhenTriggerIsStale() {
        moves.onTrigger(1, T0 - 8 * 24 * HOUR, 99.5, 5);
        kanban.step(bullPullback(T0), moves, none);
        assertThat(kanban.stage()).isEqualTo(Stage.SETUP);
        assertThat(kanban.positionOpen()).isFalse();
    }

    @Test
    void shouldMoveThroughHoldTrimAndExitThenStartOverFromWatch() {
        moves.onTrigger(1, T0 - HOUR, 99.5, 5);
        BarFacts f = bullPullback(T0);
        kanban.step(f, moves, none);
        kanban.step(at(f, T0 + HOUR, 100.5), moves, none);
        assertThat(kanban.stage()).isEqualTo(Stage.HOLD);
        assertThat(kanban.previousStage()).isEqualTo(Stage.ENTER);
        kanban.step(at(f, T0 + 2 * HOUR, 105.2), moves, none);
        assertThat(kanban.stage()).isEqualTo(Stage.TRIM);
        assertThat(kanban.event()).isEqualTo(PositionEvent.TRIM);
        assertThat(kanban.size()).isEqualTo(0.5);
        kanban.step(at(f, T0 + 3 * HOUR, 104), moves, none);
        assertThat(kanban.stage()).as("forward only: a calmer bar does not undo the trim").isEqualTo(Stage.TRIM);
        assertThat(kanban.event()).isEqualTo(PositionEvent.NONE);
        f.primaryStLine = 98;
        kanban.step(at(f, T0 + 4 * HOUR, 95), moves, none);
        assertThat(kanban.stage()).isEqualTo(Stage.EXIT);
        assertThat(kanban.event()).isEqualTo(PositionEvent.CLOSE);
        assertThat(kanban.pnlPct()).isCloseTo(-5, org.assertj.core.api.Assertions.within(1e-9));
        assertThat(kanban.positionOpen()).isFalse();
        f.ltf = 30;
        f.state = StateQuadrant.of(f.htf, f.ltf);
        kanban.step(at(f, T0 + 5 * HOUR, 96), moves, none);
        assertThat(kanban.previousStage()).isEqualTo(Stage.EXIT);
        assertThat(kanban.stage()).isEqualTo(Stage.WATCH);
    }

    @Test
    void shouldNotReuseTheTriggerOfAnEarlierEntry() {
        moves.onTrigger(1, T0 - HOUR, 99.5, 5);
        BarFacts f = bullPullback(T0);
        kanban.step(f, moves, none);
        kanban.step(at(f, T0 + HOUR, 90), moves, none);
        assertThat(kanban.stage()).isEqualTo(Stage.EXIT);
        kanban.step(at(f, T0 + 2 * HOUR, 100), moves, none);
        assertThat(kanban.stage()).isEqualTo(Stage.SETUP);
        moves.onTrigger(1, T0 + 3 * HOUR, 100, 5);
        kanban.step(at(f, T0 + 3 * HOUR, 100), moves, none);
        assertThat(kanban.stage()).isEqualTo(Stage.ENTER);
    }

    @Test
    void shouldDefendWhenHtfTurnsAgainstTheLong() {
        moves.onTrigger(1, T0 - HOUR, 99.5, 5);
        BarFacts f = bullPullback(T0);
        kanban.step(f, moves, none);
        f.htf = -3;
        f.state = StateQuadrant.of(f.htf, f.ltf);
        kanban.step(at(f, T0 + HOUR, 100.2), moves, none);
        assertThat(kanban.stage()).isEqualTo(Stage.DEFEND);
    }

    @Test
    void shouldEnterShortSymmetrically() {
        moves.onTrigger(-1, T0 - HOUR, 100.5, 5);
        BarFacts f = bullPullback(T0);
        f.htf = -20;
        f.ltf = 5;
        f.state = StateQuadrant.of(f.htf, f.ltf);
        f.flipLtf = -1;
        f.primaryStDir = -1;
        f.primaryStLine = 101;
        kanban.step(f, moves, none);
        assertThat(kanban.stage()).isEqualTo(Stage.ENTER);
        assertThat(kanban.direction()).isEqualTo(-1);
        assertThat(kanban.stop()).isEqualTo(101);
        kanban.step(at(f, T0 + HOUR, 94.9), moves, none);
        assertThat(kanban.stage()).as("a 5.1% gain on a short trims").isEqualTo(Stage.TRIM);
        kanban.step(at(f, T0 + 2 * HOUR, 101.5), moves, none);
        assertThat(kanban.stage()).as("close above the short's stop exits").isEqualTo(Stage.EXIT);
    }

    @Test
    void shouldPromoteWatchToSetupWithTwoConfidentActivePatterns() {
        BarFacts f = bullPullback(T0);
        f.ltf = 30;
        f.state = StateQuadrant.of(f.htf, f.ltf);
        kanban.step(f, moves, none);
        assertThat(kanban.stage()).isEqualTo(Stage.WATCH);
        PatternMatches matches = new PatternMatches(4);
        matches.add(0, 1, 0.62, true);
        matches.add(1, 1, 0.70, false);
        kanban.step(f, moves, matches);
        assertThat(kanban.stage()).as("a degraded pattern does not promote").isEqualTo(Stage.WATCH);
        matches.add(2, 1, 0.58, true);
        kanban.step(f, moves, matches);
        assertThat(kanban.stage()).isEqualTo(Stage.SETUP);
    }

    @Test
    void shouldConfirmPullbackEntryWithAConfidentPatternOfItsDirection() {
        moves.onTrigger(1, T0 - HOUR, 99.5, 5);
        BarFacts f = bullPullback(T0);
        f.flipLtf = 0;
        kanban.step(f, moves, none);
        assertThat(kanban.stage()).isEqualTo(Stage.SETUP);
        PatternMatches matches = new PatternMatches(4);
        matches.add(4, -1, 0.9, true);
        kanban.step(f, moves, matches);
        assertThat(kanban.stage()).as("a confident pattern of the other direction confirms nothing").isEqualTo(Stage.SETUP);
        matches.add(3, 1, 0.66, true);
        kanban.step(f, moves, matches);
        assertThat(kanban.stage()).isEqualTo(Stage.ENTER);
    }

    @Test
    void shouldOnlyMoveForwardWhileAPositionIsOpenOnRandomBars() {
        Random random = new Random(20240611L);
        for (int run = 0; run < 200; run++) {
            Kanban k = new Kanban(CONFIG);
            MoveTracker m = new MoveTracker();
            BarFacts f = bullPullback(T0);
            for (int bar = 0; bar < 300; bar++) {
                long t = T0 + bar * HOUR;
                if (random.nextInt(10) == 0) {
                    m.onTrigger(random.nextBoolean() ? 1 : -1, t, f.close, 1 + random.nextDouble() * 5);
                }
                f.time = t;
                f.close = Math.max(1, f.close * (1 + (random.nextDouble() - 0.5) * 0.03));
                f.htf = random.nextDouble() * 100 - 50;
                f.ltf = random.nextDouble() * 100 - 50;
                f.state = StateQuadrant.of(f.htf, f.ltf);
                f.rank = random.nextDouble() * 100;
                f.riskReward = random.nextDouble() * 4;
                f.flipLtf = random.nextInt(3) - 1;
                f.releaseLtf = random.nextInt(3) - 1;
                f.primaryRsi = random.nextDouble() * 100;
                f.primaryMom = random.nextDouble() - 0.5;
                f.primaryStDir = random.nextBoolean() ? 1 : -1;
                f.primaryStLine = f.close * (1 + (random.nextDouble() - 0.5) * 0.04);
                boolean openBefore = k.positionOpen();
                Stage before = k.stage();
                k.step(f, m, none);
                if (openBefore) {
                    assertThat(k.stage()).isGreaterThanOrEqualTo(before).isGreaterThanOrEqualTo(Stage.HOLD);
                } else {
                    assertThat(k.stage()).isIn(Stage.WATCH, Stage.SETUP, Stage.ENTER);
                }
                assertThat(k.positionOpen()).isEqualTo(k.stage().holdsPosition());
            }
        }
    }
}
