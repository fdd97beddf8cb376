package org.incidentplatform.events;

import java.time.Instant;

/**
 * The post-mortem is complete; the incident is closed for good.
 *
 * @param incidentId the incident
 * @param occurredAt when it was closed
 */
public record IncidentClosed(
        String incidentId,
        Instant occurredAt) implements IncidentEvent {
}
