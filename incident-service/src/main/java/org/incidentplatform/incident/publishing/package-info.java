/**
 * Puts every stored event on the incident topic as a CloudEvent, keyed by incident id.
 *
 * <p>A pooled streaming processor reads the event store with its token in MongoDB, so there is
 * no dual write: intake only stores events, and publishing catches up after a Kafka outage. The
 * sends of one batch go out asynchronously and the handler of the batch's last event waits for
 * every acknowledgement; a failure propagates, the batch rolls back and the token stays where it
 * was. Delivery is therefore at-least-once and consumers de-duplicate by event id.
 */
package org.incidentplatform.incident.publishing;
