package org.incidentplatform.events;

import java.time.Instant;

/**
 * A progress update in the status-page vocabulary (Investigating, Identified, Monitoring).
 *
 * @param incidentId the incident
 * @param status the new progress status
 * @param message what responders want readers to know
 * @param visibleToPublic whether the update is shown on the public status page
 * @param occurredAt when the update applies, may be back-dated
 */
public record StatusUpdated(
        String incidentId,
        ProgressStatus status,
        String message,
        boolean visibleToPublic,
        Instant occurredAt) implements IncidentEvent {
}
