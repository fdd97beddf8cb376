/**
 * Relays every stored event of an aggregate, in sequence order, to what must see it: the incident
 * view, the Kafka topic and the alert linker. It replaces tracking the event store by timestamp,
 * which can skip an event that becomes visible late (a stalled writer, a writer whose clock is
 * behind) and cannot be proven complete.
 *
 * <p>How completeness is proven (docs/architecture.md, "The event relay"):
 * <ol>
 * <li>Before a writer appends events of an aggregate it <em>announces</em> them: one atomic update
 *     of the aggregate's cursor raises {@code announced} to the last sequence number and sets
 *     {@code pending}. If the announcement fails, nothing is appended (the write fails).</li>
 * <li>The relay reads pending cursors, reads the aggregate's stored events after {@code relayed},
 *     hands them to every sink, and only then advances {@code relayed}. It clears {@code pending}
 *     only with an update conditional on {@code announced} being unchanged and covered.</li>
 * <li>So a stored event with a sequence number above {@code relayed} always has a pending cursor:
 *     its announcement came before it was stored, and the only update that clears {@code pending}
 *     either saw that announcement (and relayed the event, sequence numbers per aggregate being
 *     unique and gap-free) or happened before it (and the announcement set {@code pending} again).
 *     No clock is compared anywhere.</li>
 * </ol>
 * Delivery to sinks is at least once; every sink is idempotent by event id or sequence number. One
 * instance relays at a time (a lease in MongoDB); the lease only avoids duplicate work, the proof
 * does not depend on it.
 */
package org.incidentplatform.incident.relay;
