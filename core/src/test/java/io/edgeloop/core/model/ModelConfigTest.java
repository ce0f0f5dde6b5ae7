package io.edgeloop.core.model;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ModelConfigTest {

    private static ModelConfig.Kanban kanban(double pullbackMinHtf, double rankEntry) {
        ModelConfig.Kanban d = ModelConfig.Kanban.DEFAULTS;
        return new ModelConfig.Kanban(d.maxCompletion(), d.maxCompletionPullback(), d.minRiskReward(), pullbackMinHtf,
                d.pullbackLtfLow(), d.pullbackLtfHigh(), rankEntry, d.eliteRank(), d.longCorridorLow(),
                d.longCorridorHigh(), d.shortCorridorLow(), d.shortCorridorHigh(), d.patternConfidence(),
                d.patternCount(), d.patternMinHtf(), d.exitLossPct(), d.defendLossPct(), d.trimProfitPct(),
                d.trimCompletion(), d.trimRsiHigh(), d.trimRsiLow());
    }

    @Test
    void shouldRejectScoreThresholdsOutsideTheScoreRange() {
        assertThatThrownBy(() -> kanban(55, 85)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("kanban.pullbackMinHtf must lie in the score range [-50, 50], was 55");
    }

    @Test
    void shouldRejectRankThresholdsOutsideTheRankRange() {
        assertThatThrownBy(() -> kanban(10, 120)).hasMessageContaining("rank range");
    }

    @Test
    void shouldRejectANonPositiveTargetMultiple() {
        assertThatThrownBy(() -> new ModelConfig.Move(0, 2, 5, 1, 7)).hasMessageContaining("move.targetDailyAtr");
    }
}
