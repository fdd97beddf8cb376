package org.incidentplatform.consuming;

import java.time.Instant;
import java.util.Optional;
import org.incidentplatform.events.IncidentEvent;

/**
 * One incident event as a consumer receives it.
 *
 * @param eventId          the stored event's id; the idempotency key
 * @param type             CloudEvents type name
 * @param incidentId       the incident it belongs to
 * @param incidentSequence its position in the incident's history
 * @param recordedAt       when incident-service stored it
 * @param actor            who caused it
 * @param correlationId    ties it to the other events of the same request
 * @param payload          the typed payload, empty when this consumer does not know the type
 */
public record ReceivedEvent(
        String eventId,
        String type,
        String incidentId,
        long incidentSequence,
        Instant recordedAt,
        String actor,
        String correlationId,
        Optional<IncidentEvent> payload) {

    /** The payload as the given record type, if that is what this event carries. */
    public <T extends IncidentEvent> Optional<T> payloadAs(Class<T> type) {
        return payload.filter(type::isInstance).map(type::cast);
    }
}
