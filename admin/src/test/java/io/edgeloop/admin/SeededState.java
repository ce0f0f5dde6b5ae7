package io.edgeloop.admin;

import io.edgeloop.admin.seed.RealSeed;
import io.edgeloop.admin.view.ModelState;
import io.edgeloop.schemas.topics.Topics;

/** A {@link ModelState} holding a seed, as the views would build it from the topics. */
public final class SeededState {

    private SeededState() {
    }

    public static ModelState of(RealSeed seed) {
        ModelState state = new ModelState();
        seed.library.patterns.forEach(p -> state.apply(Topics.PATTERN_LIBRARY.name(), p.getId(), p, 1));
        seed.library.changes.forEach(c -> state.apply(Topics.MODEL_CHANGELOG.name(), c.getId(), c, 2));
        seed.predictions.forEach(p -> state.apply(Topics.PREDICTIONS.name(), p.getTicker(), p, 3));
        seed.outcomes.forEach(o -> state.apply(Topics.OUTCOMES.name(), o.getTicker(), o, 4));
        seed.signals.byKey.forEach((k, s) -> state.apply(Topics.SIGNALS.name(), k, s, 5));
        return state;
    }
}
