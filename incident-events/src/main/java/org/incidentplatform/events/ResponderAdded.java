package org.incidentplatform.events;

import java.time.Instant;

/**
 * Someone joined the response.
 *
 * @param incidentId the incident
 * @param responder who joined
 * @param occurredAt when they joined
 */
public record ResponderAdded(
        String incidentId,
        String responder,
        Instant occurredAt) implements IncidentEvent {
}
