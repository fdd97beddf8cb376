/**
 * Puts every stored event on the incident topic as a CloudEvent, keyed by incident id.
 *
 * <p>A tracking (streaming) processor reads the event store with its token in MongoDB, so there is
 * no dual write: intake only stores events, and publishing catches up after a Kafka outage. The
 * sends of one batch go out asynchronously and the handler of the batch's last event waits for
 * every acknowledgement; a failure propagates, the batch rolls back and the token stays where it
 * was. Delivery is therefore at-least-once and consumers de-duplicate by event id.
 *
 * <p>Nothing here waits for Kafka at start-up: the incident topic is created in the background as
 * soon as the broker answers, and no event is sent before it exists.
 */
package org.incidentplatform.incident.publishing;
