/**
 * Query indexes for the in-process MongoDB server. mongo-java-server keeps unique indexes only,
 * and only for exact matches; every other query reads the whole collection. Axon's event store
 * (stream loads by aggregate, tracking by timestamp) and every projection's lookups then cost
 * O(documents stored) per query, which is what capped the embedded default's throughput (see
 * docs/benchmarks.md). These indexes narrow a query to candidates; the server's own matcher still
 * decides which candidates match, so an index can only make a query cheaper, never change its answer.
 */
package org.incidentplatform.embedded.mongo;
