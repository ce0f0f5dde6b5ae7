/**
 * The scoring model above the indicators (MODEL_REFERENCE "Timeframes" to "Kanban"): the
 * timeframe {@link io.edgeloop.core.model.Profile} chosen from the feed's base interval, the
 * per-frame {@link io.edgeloop.core.model.HtfScore} and {@link io.edgeloop.core.model.LtfScore}
 * and their blends, the {@link io.edgeloop.core.model.StateQuadrant}, per-frame flags, phase
 * zone, completion, {@link io.edgeloop.core.model.RankScore}, momentum elite, and the
 * {@link io.edgeloop.core.model.Kanban} lane with its forward-only paper position.
 * {@link io.edgeloop.core.model.TickerModel} puts them together for one ticker; every threshold
 * lives in {@link io.edgeloop.core.model.ModelConfig}.
 *
 * <p>Conventions: scores are in [-50, 50], NaN while warming up (a NaN input contributes 0 to a
 * sum and never counts as a side); signs are symmetric (a mirrored market gets the mirrored
 * score); values are written into a reusable {@link io.edgeloop.core.snapshot.Snapshot}; no
 * allocation per bar; state serializes to bytes with a version.
 */
package io.edgeloop.core.model;
