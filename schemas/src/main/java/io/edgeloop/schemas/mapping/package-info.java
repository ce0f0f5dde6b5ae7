/**
 * The bridge between the Avro contract and core's model: {@link io.edgeloop.schemas.mapping.RuleMapping}
 * for pattern rules and {@link io.edgeloop.schemas.mapping.PatternMapping} for patterns and their
 * statistics. Every app that reads or writes {@code pattern-library} or a change's patterns uses
 * these, so the mapping exists once.
 */
package io.edgeloop.schemas.mapping;
