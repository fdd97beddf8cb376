package org.incidentplatform.consuming;

import java.time.Instant;
import java.util.Optional;
import org.incidentplatform.events.DeliveryEvent;

/**
 * One delivery event as this service receives it.
 *
 * @param eventId          the CloudEvent id; the idempotency key
 * @param type             CloudEvents type name
 * @param incidentId       the incident that was notified about
 * @param incidentSequence the sequence of the incident event that was notified
 * @param recordedAt       when notification-service published it
 * @param actor            who caused it (notification-service)
 * @param payload          the typed payload, empty when this service does not know the type
 */
public record ReceivedDelivery(
        String eventId,
        String type,
        String incidentId,
        long incidentSequence,
        Instant recordedAt,
        String actor,
        Optional<DeliveryEvent> payload) {
}
