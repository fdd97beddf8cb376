package org.incidentplatform.events;

import java.time.Instant;

/**
 * An attached alert stopped firing, according to its sender.
 *
 * @param incidentId       the incident
 * @param alertKey         the alert, as in {@link AlertAttached#alertKey()}
 * @param integrationId    the integration it came through
 * @param allAlertsResolved true when no attached alert of the incident is firing any more
 * @param endedAt          when the sender says it stopped firing, may be null
 * @param occurredAt       when the resolution was received
 */
public record AlertResolved(
        String incidentId,
        String alertKey,
        String integrationId,
        boolean allAlertsResolved,
        Instant endedAt,
        Instant occurredAt) implements IncidentEvent {
}
