package org.incidentplatform.incident.history;

import java.time.Instant;
import org.incidentplatform.events.IncidentEvent;

/**
 * One stored event as the audit history shows it.
 *
 * @param eventId       the stored event's id, also the published CloudEvent id
 * @param type          CloudEvents type name
 * @param sequence      position in the incident's history, from 0
 * @param recordedAt    when it was stored
 * @param occurredAt    when its fact happened (may be earlier: back-dated)
 * @param actor         who caused it
 * @param correlationId the request that caused it
 * @param payload       the event itself
 */
public record StoredEvent(String eventId, String type, long sequence, Instant recordedAt, Instant occurredAt,
        String actor, String correlationId, IncidentEvent payload) {
}
