package org.incidentplatform.events;

import java.time.Instant;

/**
 * Someone left the response.
 *
 * @param incidentId the incident
 * @param responder who left
 * @param occurredAt when they left
 */
public record ResponderRemoved(
        String incidentId,
        String responder,
        Instant occurredAt) implements IncidentEvent {
}
