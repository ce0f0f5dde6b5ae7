package io.edgeloop.core.mining;

import io.edgeloop.core.snapshot.Fields;
import io.edgeloop.core.snapshot.Snapshot;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Extracts {@link LeadUpFeatures} of a move from its ticker's trail. A move is covered when the
 * trail has its start day, the {@code days} trading days before it, and its peak day; otherwise
 * there is nothing to extract (the original study likewise scored only moves with trail data).
 */
public final class LeadUpExtractor {

    private final LeadUpConfig config;

    public LeadUpExtractor(LeadUpConfig config) {
        this.config = Objects.requireNonNull(config, "config");
    }

    public LeadUpConfig config() {
        return config;
    }

    /** The move's lead-up features, or empty when the trail does not cover it. */
    public Optional<LeadUpFeatures> extract(Move move, Trail trail) {
        int days = config.days();
        int start = trail.dayOf(move.startDate());
        int peakDay = trail.dayOf(move.peakDate());
        if (start < days || peakDay <= start) {
            return Optional.empty();
        }
        double[] htf = new double[days + 1];
        double[] ltf = new double[days + 1];
        List<String> states = new ArrayList<>(days + 1);
        for (int k = 0; k <= days; k++) {
            Snapshot s = trail.at(start - days + k);
            htf[k] = s.get(Fields.HTF_SCORE);
            ltf[k] = s.get(Fields.LTF_SCORE);
            String state = s.category(Fields.STATE);
            if (state != null) {
                states.add(state);
            }
        }
        Snapshot atStart = trail.at(start);
        Snapshot atPeak = trail.at(peakDay);
        PeakView peak = new PeakView(atPeak.category(Fields.STATE), atPeak.get(Fields.HTF_SCORE),
                atPeak.get(Fields.LTF_SCORE), atPeak.category(Fields.PHASE_ZONE), atPeak.get(Fields.COMPLETION),
                FlagCounts.over(trail, start + 1, peakDay));
        return Optional.of(new LeadUpFeatures(days,
                Trajectory.of(htf, config.trendThreshold()), Trajectory.of(ltf, config.trendThreshold()),
                states, atStart.category(Fields.STATE),
                FlagCounts.over(trail, start - days + 1, start), FlagCounts.over(trail, start, start),
                atStart.get(Fields.COMPLETION), atStart.get(Fields.PHASE_PCT), atStart.category(Fields.PHASE_ZONE),
                atStart.get(Fields.RANK), peak));
    }
}
