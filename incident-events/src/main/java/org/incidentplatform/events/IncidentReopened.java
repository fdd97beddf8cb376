package org.incidentplatform.events;

import java.time.Instant;

/**
 * A resolved incident turned out not to be over.
 *
 * @param incidentId the incident
 * @param reason why it was reopened
 * @param occurredAt when it was reopened
 */
public record IncidentReopened(
        String incidentId,
        String reason,
        Instant occurredAt) implements IncidentEvent {
}
