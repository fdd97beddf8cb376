/**
 * Delivery: turning each incident event into deliveries, sending them with retries, and the
 * delivery log that proves what happened, in the {@code deliveries} collection and at
 * {@code GET /api/v1/deliveries}.
 *
 * <p>The Kafka listener only records: one delivery per routed (event, channel, target), under the
 * id {@code <eventId>:<channel>:<target>}; the insert is the claim, so a redelivered event adds
 * nothing. The {@link org.incidentplatform.notification.delivery.DeliveryWorker} sends: per queue
 * (incident, target) in incident order, coalescing queued updates where the channel allows,
 * spaced by the target's rate limit, retried with jittered exponential back-off (Retry-After
 * wins), dead-lettered after the configured number of failures with the fallback target taking
 * over. Every attempt is kept on the record and published on the delivery topic through a
 * MongoDB outbox ({@code delivery_events_outbox}) that a relay thread drains, so a Kafka outage
 * never holds a sending thread or its lease.
 */
package org.incidentplatform.notification.delivery;
