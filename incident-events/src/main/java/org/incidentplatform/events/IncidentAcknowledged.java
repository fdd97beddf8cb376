package org.incidentplatform.events;

import java.time.Instant;

/**
 * A responder took the incident: someone is on it.
 *
 * @param incidentId the incident
 * @param occurredAt when it was acknowledged
 */
public record IncidentAcknowledged(
        String incidentId,
        Instant occurredAt) implements IncidentEvent {
}
