package org.incidentplatform.events;

import java.time.Instant;

/**
 * The incident's severity was raised or lowered.
 *
 * @param incidentId the incident
 * @param previousSeverity severity before the change
 * @param severity severity after the change
 * @param reason why it changed
 * @param occurredAt when it changed
 */
public record SeverityChanged(
        String incidentId,
        Severity previousSeverity,
        Severity severity,
        String reason,
        Instant occurredAt) implements IncidentEvent {
}
