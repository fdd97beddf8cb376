package org.incidentplatform.report.projection;

import java.time.Instant;

/**
 * One applied incident event as kept in its report, so that durations, timelines and metrics
 * can be recomputed from the facts themselves rather than from what an older fold made of them.
 *
 * @param eventId    the stored event's id
 * @param type       CloudEvents type name
 * @param sequence   position in the incident's history
 * @param occurredAt when the fact happened (may be back-dated)
 * @param recordedAt when incident-service stored it
 * @param actor      who caused it
 * @param payload    the payload as JSON, exactly as this service read it
 */
public record LoggedEvent(
        String eventId,
        String type,
        long sequence,
        Instant occurredAt,
        Instant recordedAt,
        String actor,
        String payload) {
}
