/**
 * The topic catalog: {@link io.edgeloop.schemas.topics.Topics} names every topic with its serdes,
 * partitions and retention; {@link io.edgeloop.schemas.topics.TopicCatalogJson} renders it for
 * other languages.
 */
package io.edgeloop.schemas.topics;
