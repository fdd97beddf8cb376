/**
 * The MongoDB event store, token store and snapshot store (axon-mongo core module, wired by hand
 * because its Spring Boot starter stopped at 4.10) and the Jackson 3 serializer settings they
 * need. Nothing here talks to MongoDB during start-up: the storage engine is built on first use
 * (its constructor creates the indexes), a background task builds it and the token store's
 * indexes as soon as MongoDB answers, and the {@code eventStore} health contributor keeps the
 * instance out of readiness until then.
 */
package org.incidentplatform.incident.eventstore;
