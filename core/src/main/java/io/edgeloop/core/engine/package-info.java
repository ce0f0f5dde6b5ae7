/**
 * The per-ticker engine: {@link io.edgeloop.core.engine.TickerEngine} turns each base candle
 * into a snapshot, pattern matches, kanban moves and position events
 * ({@link io.edgeloop.core.engine.EngineResult}), aggregating every higher timeframe on the
 * instrument's session calendar and reading forming bars without look-ahead. Its whole state
 * serializes to bytes for a state store. Patterns come in through
 * {@link io.edgeloop.core.engine.PatternMatcher}; {@link io.edgeloop.core.engine.LibraryPatternMatcher}
 * compiles a pattern library for it.
 */
package io.edgeloop.core.engine;
