/**
 * The embedded default: a real KRaft Kafka broker and a file-backed MongoDB wire-protocol server
 * inside this JVM, and the four services as child JVMs started from their packaged jars, each
 * exactly as it would run in production (its own process, configured only by environment
 * variables). Stopping the launcher stops the services first, then the broker, then MongoDB.
 */
package org.incidentplatform.localstack;
