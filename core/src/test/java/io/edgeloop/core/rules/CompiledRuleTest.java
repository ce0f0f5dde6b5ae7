package io.edgeloop.core.rules;

import io.edgeloop.core.snapshot.Fields;
import io.edgeloop.core.snapshot.Snapshot;
import org.junit.jupiter.api.Test;

import static io.edgeloop.core.rules.Rule.all;
import static io.edgeloop.core.rules.Rule.any;
import static io.edgeloop.core.rules.Rule.between;
import static io.edgeloop.core.rules.Rule.eq;
import static io.edgeloop.core.rules.Rule.falsy;
import static io.edgeloop.core.rules.Rule.gt;
import static io.edgeloop.core.rules.Rule.gte;
import static io.edgeloop.core.rules.Rule.in;
import static io.edgeloop.core.rules.Rule.lt;
import static io.edgeloop.core.rules.Rule.lte;
import static io.edgeloop.core.rules.Rule.neq;
import static io.edgeloop.core.rules.Rule.not;
import static io.edgeloop.core.rules.Rule.truthy;
import static io.edgeloop.core.rules.SnapshotBuilder.snapshot;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CompiledRuleTest {

    private static boolean matches(Rule rule, Snapshot s) {
        return CompiledRule.compile(rule).matches(s);
    }

    @Test
    void shouldCompareNumbersWithExactStrictAndInclusiveBounds() {
        Snapshot at25 = snapshot().with("htf_score", 25).build();
        Snapshot justAbove = snapshot().with("htf_score", Math.nextUp(25.0)).build();
        assertThat(matches(gte("htf_score", 25), at25)).isTrue();
        assertThat(matches(gt("htf_score", 25), at25)).isFalse();
        assertThat(matches(gt("htf_score", 25), justAbove)).isTrue();
        assertThat(matches(lte("htf_score", 25), at25)).isTrue();
        assertThat(matches(lt("htf_score", 25), at25)).isFalse();
        assertThat(matches(lt("htf_score", Math.nextUp(25.0)), at25)).isTrue();
        assertThat(matches(eq("htf_score", 25), at25)).isTrue();
        assertThat(matches(neq("htf_score", 25), at25)).isFalse();
        assertThat(matches(neq("htf_score", 24), at25)).isTrue();
        assertThat(matches(between("htf_score", 25, 30), at25)).isTrue();
        assertThat(matches(between("htf_score", 10, 24.9), at25)).isFalse();
        assertThat(matches(in("htf_score", 10, 25), at25)).isTrue();
        assertThat(matches(in("htf_score", 10, 26), at25)).isFalse();
    }

    @Test
    void shouldMatchCategoriesBooleansAndDirections() {
        Snapshot s = snapshot().with("state", "HTF_BULL_LTF_PULLBACK").with("momentum_elite", true)
                .with("st_flip_1h", -1).with("ema_cross_1h", 0).build();
        assertThat(matches(eq("state", "HTF_BULL_LTF_PULLBACK"), s)).isTrue();
        assertThat(matches(neq("state", "HTF_BULL_LTF_PULLBACK"), s)).isFalse();
        assertThat(matches(in("state", "HTF_BULL_LTF_BULL", "HTF_BULL_LTF_PULLBACK"), s)).isTrue();
        assertThat(matches(in("state", "HTF_BEAR_LTF_BEAR"), s)).isFalse();
        assertThat(matches(truthy("momentum_elite"), s)).isTrue();
        assertThat(matches(falsy("momentum_elite"), s)).isFalse();
        assertThat(matches(eq("momentum_elite", false), s)).isFalse();
        assertThat(matches(truthy("st_flip_1h"), s)).isTrue();
        assertThat(matches(eq("st_flip_1h", -1), s)).isTrue();
        assertThat(matches(lt("st_flip_1h", 0), s)).isTrue();
        assertThat(matches(gt("st_flip_1h", 0), s)).isFalse();
        assertThat(matches(falsy("ema_cross_1h"), s)).isTrue();
        assertThat(matches(truthy("ema_cross_1h"), s)).isFalse();
    }

    @Test
    void shouldNotMatchAnyConditionOnAnAbsentField() {
        Snapshot empty = new Snapshot();
        assertThat(matches(gte("htf_score", -49), empty)).isFalse();
        assertThat(matches(neq("htf_score", 0), empty)).isFalse();
        assertThat(matches(neq("state", "HTF_BULL_LTF_BULL"), empty)).isFalse();
        assertThat(matches(falsy("momentum_elite"), empty)).isFalse();
        assertThat(matches(falsy("st_flip_1h"), empty)).isFalse();
        assertThat(matches(in("rank", 1, 2), empty)).isFalse();
    }

    @Test
    void shouldTreatNotOfAbsentConditionAsUnknownNotTrue() {
        Snapshot empty = new Snapshot();
        CompiledRule rule = CompiledRule.compile(not(truthy("sq_on_ltf")));
        assertThat(rule.matches(empty)).isFalse();
        assertThat(rule.evaluate(empty)).isEqualTo(Truth.UNKNOWN);
        Snapshot off = snapshot().with("sq_on_ltf", false).build();
        assertThat(rule.matches(off)).isTrue();
        assertThat(rule.evaluate(snapshot().with("sq_on_ltf", true).build())).isEqualTo(Truth.FALSE);
    }

    @Test
    void shouldCombineUnknownWithKleeneLogic() {
        Snapshot s = snapshot().with("rank", 80).build();
        assertThat(CompiledRule.compile(any(gte("htf_score", 25), gte("rank", 70))).evaluate(s)).isEqualTo(Truth.TRUE);
        assertThat(CompiledRule.compile(any(gte("htf_score", 25), gte("rank", 90))).evaluate(s)).isEqualTo(Truth.UNKNOWN);
        assertThat(CompiledRule.compile(all(gte("htf_score", 25), gte("rank", 90))).evaluate(s)).isEqualTo(Truth.FALSE);
        assertThat(CompiledRule.compile(all(gte("htf_score", 25), gte("rank", 70))).evaluate(s)).isEqualTo(Truth.UNKNOWN);
        assertThat(CompiledRule.compile(not(all(gte("htf_score", 25), gte("rank", 90)))).matches(s)).isTrue();
        assertThat(CompiledRule.compile(not(any(gte("htf_score", 25), gte("rank", 90)))).matches(s)).isFalse();
    }

    @Test
    void shouldTreatOutOfDomainCodeAsUnknown() {
        Snapshot s = new Snapshot();
        s.set(Fields.byName("state").orElseThrow(), 7);
        s.set(Fields.byName("st_flip_1h").orElseThrow(), 0.5);
        assertThat(CompiledRule.compile(neq("state", "HTF_BULL_LTF_BULL")).evaluate(s)).isEqualTo(Truth.UNKNOWN);
        assertThat(CompiledRule.compile(falsy("st_flip_1h")).evaluate(s)).isEqualTo(Truth.UNKNOWN);
    }

    @Test
    void shouldRefuseToCompileAnInvalidRule() {
        assertThatThrownBy(() -> CompiledRule.compile(gte("htf_score", 55)))
                .isInstanceOf(InvalidRuleException.class)
                .hasMessageContaining("can never be true");
    }

    @Test
    void shouldListTheFieldsItReads() {
        CompiledRule rule = CompiledRule.compile(all(gte("htf_score", 25), any(eq("st_flip_ltf", 1), gte("htf_score", 40)),
                truthy("momentum_elite")));
        assertThat(rule.fields()).extracting(f -> f.name()).containsExactly("htf_score", "st_flip_ltf", "momentum_elite");
    }
}
