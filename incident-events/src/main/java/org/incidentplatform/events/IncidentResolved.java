package org.incidentplatform.events;

import java.time.Instant;

/**
 * The incident is over.
 *
 * @param incidentId the incident
 * @param resolution what ended it
 * @param occurredAt when it was resolved
 */
public record IncidentResolved(
        String incidentId,
        String resolution,
        Instant occurredAt) implements IncidentEvent {
}
