package io.edgeloop.core.mining;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.function.Predicate;

/**
 * Scores archetypes, archetype pairs and lead-up features on moves with features (MODEL_REFERENCE
 * "Study"). A move is a hit for the UP share when its direction is UP; every figure carries its
 * n and the hit rate its Wilson interval. Pairs are exploratory: {@link PatternScores#pairsTested()}
 * says how many were tried; the retrospective applies the false-discovery control.
 */
public final class ArchetypeScorer {

    private static final Comparator<CompoundScore> BY_ABS_EV = Comparator
            .comparingDouble((CompoundScore c) -> -Math.abs(c.stats().expectedValue()))
            .thenComparing(CompoundScore::name);
    private static final Comparator<FeatureLift> BY_ABS_LIFT = Comparator
            .comparingDouble((FeatureLift l) -> Double.isNaN(l.liftPts()) ? 1 : -Math.abs(l.liftPts()))
            .thenComparing(FeatureLift::feature);

    private final List<Archetype> archetypes;
    private final ScoringConfig config;
    private final double z;

    public ArchetypeScorer(List<Archetype> archetypes, ScoringConfig config) {
        this.archetypes = List.copyOf(archetypes);
        this.config = Objects.requireNonNull(config, "config");
        this.z = Wilson.z(config.confidence());
    }

    public PatternScores score(List<MoveFeatures> sample) {
        int n = sample.size();
        BitSet upMask = new BitSet(n);
        double[] size = new double[n];
        for (int i = 0; i < n; i++) {
            Move m = sample.get(i).move();
            upMask.set(i, m.direction() == MoveDirection.UP);
            size[i] = m.sizePct();
        }
        BitSet all = new BitSet(n);
        all.set(0, n);
        GroupStats baseline = GroupStats.of(all, upMask, size, z);

        BitSet[] match = new BitSet[archetypes.size()];
        List<ArchetypeScore> scores = new ArrayList<>();
        for (int a = 0; a < archetypes.size(); a++) {
            Archetype archetype = archetypes.get(a);
            match[a] = members(sample, archetype::matches);
            GroupStats stats = GroupStats.of(match[a], upMask, size, z);
            double accuracy = switch (archetype.bias()) {
                case BULLISH -> stats.upPct();
                case BEARISH -> stats.downPct();
                case NEUTRAL -> Double.NaN;
            };
            scores.add(new ArchetypeScore(archetype.id(), archetype.name(), archetype.bias(), archetype.rule(), stats,
                    accuracy));
        }

        List<CompoundScore> compounds = new ArrayList<>();
        int pairs = 0;
        for (int a = 0; a < match.length; a++) {
            for (int b = a + 1; b < match.length; b++) {
                pairs++;
                BitSet both = (BitSet) match[a].clone();
                both.and(match[b]);
                if (both.cardinality() < config.compoundMinN()) {
                    continue;
                }
                GroupStats stats = GroupStats.of(both, upMask, size, z);
                double biasPct = Math.max(stats.upPct(), stats.downPct());
                if (biasPct >= config.compoundMinBiasPct() && stats.up() != stats.down()) {
                    compounds.add(new CompoundScore(archetypes.get(a).id(), archetypes.get(b).id(), stats,
                            stats.up() > stats.down() ? Bias.BULLISH : Bias.BEARISH, biasPct));
                }
            }
        }
        compounds.sort(BY_ABS_EV);

        List<FeatureLift> lift = new ArrayList<>();
        for (LeadUpFeature feature : LeadUpFeature.values()) {
            BitSet present = members(sample, feature::test);
            BitSet absent = (BitSet) all.clone();
            absent.andNot(present);
            GroupStats absentStats = GroupStats.of(absent, upMask, size, z);
            lift.add(new FeatureLift(feature.id(), feature.description(), GroupStats.of(present, upMask, size, z),
                    absentStats.n(), absentStats.upPct(), baseline.upPct()));
        }
        lift.sort(BY_ABS_LIFT);
        return new PatternScores(baseline, scores, compounds, pairs, lift, config);
    }

    private static BitSet members(List<MoveFeatures> sample, Predicate<LeadUpFeatures> test) {
        BitSet set = new BitSet(sample.size());
        for (int i = 0; i < sample.size(); i++) {
            if (test.test(sample.get(i).features())) {
                set.set(i);
            }
        }
        return set;
    }
}
