package io.edgeloop.core.mining;

import io.edgeloop.core.candle.Candle;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * The first study and the start of every retrospective: mine moves, extract each covered move's
 * lead-up from its ticker's trail, score the archetypes. Plain Java; the retro app feeds it
 * candles and trails from files or topics.
 */
public final class Study {

    private final MiningConfig miningConfig;
    private final MoveMiner miner;
    private final LeadUpExtractor extractor;
    private final List<Archetype> archetypes;
    private final ArchetypeScorer scorer;

    public Study(MiningConfig mining, LeadUpConfig leadUp, ArchetypeConfig archetypeConfig, ScoringConfig scoring) {
        this.miningConfig = Objects.requireNonNull(mining, "mining");
        this.miner = new MoveMiner(mining);
        this.extractor = new LeadUpExtractor(leadUp);
        this.archetypes = Archetypes.all(archetypeConfig);
        this.scorer = new ArchetypeScorer(archetypes, scoring);
    }

    /** The original study's settings throughout. */
    public static Study defaults() {
        return new Study(MiningConfig.defaults(), LeadUpConfig.defaults(), ArchetypeConfig.defaults(),
                ScoringConfig.defaults());
    }

    /**
     * Runs the study.
     *
     * @param dailyBars daily bars per ticker (see {@link MoveMiner#mine})
     * @param sectorOf  ticker to sector, null when unknown
     * @param trailOf   ticker to its daily trail, empty when there is none yet
     */
    public StudyResult run(Map<String, List<Candle>> dailyBars, Function<String, String> sectorOf,
                           Function<String, Optional<Trail>> trailOf) {
        MiningResult mining = miner.mine(dailyBars, sectorOf);
        List<MoveFeatures> features = new ArrayList<>();
        String ticker = null;
        Optional<Trail> trail = Optional.empty();
        for (Move move : mining.moves()) {
            if (!move.ticker().equals(ticker)) {
                ticker = move.ticker();
                trail = trailOf.apply(ticker);
            }
            if (trail.isPresent()) {
                extractor.extract(move, trail.get()).ifPresent(f -> features.add(new MoveFeatures(move, f)));
            }
        }
        return new StudyResult(miningConfig, mining, features, archetypes, scorer.score(features));
    }
}
