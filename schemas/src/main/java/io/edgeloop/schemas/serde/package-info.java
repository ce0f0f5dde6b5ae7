/**
 * Serialization of edgeloop's Avro records: {@link io.edgeloop.schemas.serde.EdgeloopSerdes} gives
 * the Kafka serdes (single-object encoding, every released schema version readable), the typed
 * {@link io.edgeloop.schemas.serde.RecordDecodingException}s tell a dead letter from a bug, and
 * {@link io.edgeloop.schemas.serde.EdgeloopSchemaStore} holds the schema history.
 */
package io.edgeloop.schemas.serde;
