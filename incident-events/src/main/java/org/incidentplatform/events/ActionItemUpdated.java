package org.incidentplatform.events;

import java.time.Instant;

/**
 * A follow-up action changed; carries the item's whole new state.
 *
 * @param incidentId the incident
 * @param item the action item after the change
 * @param occurredAt when it changed
 */
public record ActionItemUpdated(
        String incidentId,
        ActionItem item,
        Instant occurredAt) implements IncidentEvent {
}
