package org.incidentplatform.incident.intake;

import java.time.Instant;
import java.util.List;
import org.incidentplatform.events.Severity;

/**
 * Events of the {@link AlertStream} aggregate. They are stored in the event store like incident
 * events, so intake is durable before it answers, but they are internal: they are not part of the
 * published contract and the Kafka publisher skips them. Consumers see their effect through the
 * incident's own events (AlertAttached, AlertResolved, IncidentAcknowledged, IncidentResolved).
 */
final class AlertStreamEvents {

    private AlertStreamEvents() {
    }

    /** The stream's first firing alert (or the first after its last incident ended) opens an incident. */
    record OpenedIncident(String streamId, String incidentId, String previousIncidentId, String integrationId,
            String integrationName, Severity severity, List<String> services, String alertKey, int fireCount,
            AlertSignal signal, Instant receivedAt) {
    }

    /** A further alert of the stream (group mode), or a resolved one firing again, joins the open incident. */
    record AlertJoined(String streamId, String incidentId, String integrationId, String integrationName,
            String alertKey, int fireCount, AlertSignal signal, Instant receivedAt) {
    }

    /** A repeat of an alert that is already firing: only its count and last-seen time change. */
    record AlertRefired(String streamId, String incidentId, String alertKey, int fireCount, Instant receivedAt) {
    }

    /** The sender resolved an alert. */
    record AlertResolved(String streamId, String incidentId, String integrationId, String integrationName,
            String alertKey, boolean allResolved, boolean autoResolve, Instant endedAt, Instant receivedAt) {
    }

    /** The sender acknowledged (Events API). */
    record Acknowledged(String streamId, String incidentId, String integrationName, Instant receivedAt) {
    }

    /** The stream's incident is over: the next firing alert opens a new one. */
    record IncidentEnded(String streamId, String incidentId) {
    }
}
