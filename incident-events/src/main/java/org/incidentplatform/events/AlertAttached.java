package org.incidentplatform.events;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A monitoring alert became part of the incident: the first alert of an auto-created incident,
 * or a further alert of the same Alertmanager group. Repeats of an attached alert do not
 * produce this event again; they only raise its fire count on the incident view.
 *
 * @param incidentId         the incident
 * @param alertKey           stable identity of the alert on this incident: integration id and fingerprint or dedup key
 * @param integrationId      the integration it came through
 * @param integrationName    that integration's name, as people know it
 * @param source             alertmanager, grafana or events-v2
 * @param dedupKey           the sender's identity for the alert: Alertmanager fingerprint or Events API dedup_key
 * @param summary            one line saying what fires
 * @param alertSeverity      the severity the sender gave (critical, warning, ...), before mapping; may be null
 * @param labels             the sender's labels, never null
 * @param annotations        the sender's annotations, never null
 * @param links              links the sender attached (generator, dashboard, runbook, silence), never null
 * @param startedAt          when the sender says the alert started firing, may be null
 * @param previousIncidentId the incident this alert stream opened last time, when this one follows a resolved one
 * @param occurredAt         when the alert was received
 */
public record AlertAttached(
        String incidentId,
        String alertKey,
        String integrationId,
        String integrationName,
        String source,
        String dedupKey,
        String summary,
        String alertSeverity,
        Map<String, String> labels,
        Map<String, String> annotations,
        List<Link> links,
        Instant startedAt,
        String previousIncidentId,
        Instant occurredAt) implements IncidentEvent {

    public AlertAttached {
        labels = labels == null ? Map.of() : Map.copyOf(labels);
        annotations = annotations == null ? Map.of() : Map.copyOf(annotations);
        links = links == null ? List.of() : List.copyOf(links);
    }

    /**
     * A link the sender attached to an alert.
     *
     * @param href the URL
     * @param text what it points to, e.g. "Grafana dashboard"
     */
    public record Link(String href, String text) {
    }
}
