package org.incidentplatform.events;

import java.time.Instant;

/**
 * An escalation ended: nobody else is paged for it.
 *
 * @param incidentId the incident
 * @param reason     why: ACKNOWLEDGED, RESOLVED or EXHAUSTED (every round went by unanswered)
 * @param occurredAt when it ended
 */
public record EscalationStopped(
        String incidentId,
        String reason,
        Instant occurredAt) implements IncidentEvent {
}
