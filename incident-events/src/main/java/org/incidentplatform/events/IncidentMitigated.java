package org.incidentplatform.events;

import java.time.Instant;

/**
 * The impact was stopped or worked around, although the cause may remain.
 *
 * @param incidentId the incident
 * @param occurredAt when mitigation took effect
 */
public record IncidentMitigated(
        String incidentId,
        Instant occurredAt) implements IncidentEvent {
}
