/**
 * The MongoDB event store, token store and snapshot store (axon-mongo core module, wired by hand
 * because its Spring Boot starter stopped at 4.10) and the Jackson 3 serializer settings they
 * need. Indexes are created in the background so that a slow or absent MongoDB never blocks
 * start-up.
 */
package org.incidentplatform.incident.eventstore;
