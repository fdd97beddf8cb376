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

    /**
     * The stream's first firing alert (or the first after its last incident ended) opens an incident.
     *
     * @param attachedAtSequence where this alert's {@code AlertAttached} sits in the incident, which
     *        was opened with it in the same append (so the alert linker only checks that it is stored);
     *        null in events stored before incidents were opened that way: the linker opens it then
     */
    record OpenedIncident(String streamId, String incidentId, String previousIncidentId, String integrationId,
            String integrationName, Severity severity, List<String> services, String alertKey, int fireCount,
            AlertSignal signal, Instant receivedAt, Long attachedAtSequence) {

        /** A decision the alert linker carries out. */
        OpenedIncident(String streamId, String incidentId, String previousIncidentId, String integrationId,
                String integrationName, Severity severity, List<String> services, String alertKey, int fireCount,
                AlertSignal signal, Instant receivedAt) {
            this(streamId, incidentId, previousIncidentId, integrationId, integrationName, severity, services,
                    alertKey, fireCount, signal, receivedAt, null);
        }
    }

    /**
     * A further alert of the stream (group mode), or a resolved one firing again, joins the open incident.
     *
     * @param attachedAtSequence where this alert's {@code AlertAttached} sits in the incident when it
     *        was attached as the incident opened, in the same append; null when the alert linker attaches it
     */
    record AlertJoined(String streamId, String incidentId, String integrationId, String integrationName,
            String alertKey, int fireCount, AlertSignal signal, Instant receivedAt, Long attachedAtSequence) {

        /** A join the alert linker carries out. */
        AlertJoined(String streamId, String incidentId, String integrationId, String integrationName,
                String alertKey, int fireCount, AlertSignal signal, Instant receivedAt) {
            this(streamId, incidentId, integrationId, integrationName, alertKey, fireCount, signal, receivedAt, null);
        }
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
