package org.incidentplatform.events;

import java.time.Instant;

/**
 * A follow-up action was agreed.
 *
 * @param incidentId the incident
 * @param item the action item as added
 * @param occurredAt when it was added
 */
public record ActionItemAdded(
        String incidentId,
        ActionItem item,
        Instant occurredAt) implements IncidentEvent {
}
