/**
 * Puts every stored incident event on the incident topic as a CloudEvent, keyed by incident id.
 *
 * <p>{@link org.incidentplatform.incident.publishing.KafkaRelaySink} is a sink of the event relay
 * (relay package), which hands it each incident's stored events in order and advances the
 * incident's cursor only after the broker acknowledged them. There is no dual write: intake only
 * stores events, and publishing catches up after a Kafka outage. Delivery is at-least-once and
 * consumers de-duplicate by event id.
 *
 * <p>Nothing here waits for Kafka at start-up: the incident topic is created in the background as
 * soon as the broker answers, and no event is sent before it exists.
 */
package org.incidentplatform.incident.publishing;
