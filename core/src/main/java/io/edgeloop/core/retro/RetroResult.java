package io.edgeloop.core.retro;

import io.edgeloop.core.mining.MoveFeatures;
import io.edgeloop.core.mining.StudyResult;

import java.util.List;
import java.util.Objects;

/**
 * Everything one retrospective found, for the reports and the changelog.
 *
 * @param config     the settings used
 * @param windows    the as-of date and the two windows
 * @param study      the study over all data up to the as-of date (moves, lead-up, archetypes)
 * @param sample     the study's moves with lead-up features that start in the lookback, in
 *                   study order: the sample of discovery and pattern regimes
 * @param trails     tickers with a score trail
 * @param rescoring  each non-retired library pattern on both windows
 * @param discovery  candidate discovery
 * @param regime     market, sector and pattern regimes
 * @param proposals  the proposals, in order: degrades and promotions, new patterns, regime alerts
 * @param notes      what limited this run (no trail, no data in a window), in words
 */
public record RetroResult(RetroConfig config, RetroWindows windows, StudyResult study, List<MoveFeatures> sample,
                          int trails, List<PatternRescore> rescoring, DiscoveryResult discovery, RegimeReport regime,
                          List<Proposal> proposals, List<String> notes) {

    public RetroResult {
        Objects.requireNonNull(config, "config");
        Objects.requireNonNull(windows, "windows");
        Objects.requireNonNull(study, "study");
        sample = List.copyOf(sample);
        rescoring = List.copyOf(rescoring);
        Objects.requireNonNull(discovery, "discovery");
        Objects.requireNonNull(regime, "regime");
        proposals = List.copyOf(proposals);
        notes = List.copyOf(notes);
    }
}
