package org.incidentplatform.events;

import java.time.Instant;

/**
 * Someone took command of the incident (replacing any previous commander).
 *
 * @param incidentId the incident
 * @param commander who now leads the response
 * @param occurredAt when command changed
 */
public record CommanderAssigned(
        String incidentId,
        String commander,
        Instant occurredAt) implements IncidentEvent {
}
