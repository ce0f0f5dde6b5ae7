/**
 * The bridge between the Avro contract and core's model: {@link io.edgeloop.schemas.mapping.RuleMapping}
 * for pattern rules, {@link io.edgeloop.schemas.mapping.PatternMapping} for patterns and their
 * statistics, and {@link io.edgeloop.schemas.mapping.CandleMapping} for {@code candles} records
 * with the checks a candle must pass. Every app that reads or writes these topics uses them, so the
 * mapping (and which candles are valid) exists once.
 */
package io.edgeloop.schemas.mapping;
