package org.incidentplatform.report.statuspage;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.incidentplatform.events.IncidentStatus;
import org.incidentplatform.report.projection.IncidentReport;
import org.incidentplatform.report.projection.IncidentReport.Update;

/** An incident as the public sees it: its name, its public updates (newest first) and the components it affects. */
final class PublishedIncidents {

    private final StatusPageProperties page;
    private final Map<String, StatusSummary.Component> components;

    PublishedIncidents(StatusPageProperties page, Map<String, StatusSummary.Component> components) {
        this.page = page;
        this.components = components;
    }

    boolean isPublished(IncidentReport report) {
        return report.updates().stream().anyMatch(Update::isPublic);
    }

    Instant lastPublicUpdate(IncidentReport report) {
        return publicUpdates(report).stream().map(Update::recordedAt).max(Comparator.naturalOrder()).orElse(Instant.EPOCH);
    }

    StatusSummary.Incident incident(IncidentReport report) {
        List<Update> updates = publicUpdates(report);
        List<StatusSummary.IncidentUpdate> rendered = updates.stream()
                .sorted(Comparator.comparing(Update::occurredAt).thenComparingLong(Update::sequence).reversed())
                .map(u -> new StatusSummary.IncidentUpdate(report.incidentId() + "-" + u.sequence(),
                        PublicVocabulary.incident(u.status()), u.message(), report.incidentId(),
                        PublicVocabulary.time(u.recordedAt()), PublicVocabulary.time(u.recordedAt()),
                        PublicVocabulary.time(u.occurredAt()), null, true, null, null))
                .toList();
        Instant monitoringAt = updates.stream().filter(u -> u.status() == IncidentStatus.MONITORING)
                .map(Update::occurredAt).max(Comparator.naturalOrder()).orElse(null);
        List<StatusSummary.Component> affected = report.impact() == null ? List.of()
                : report.impact().components().stream().map(c -> components.get(c.component()))
                        .filter(Objects::nonNull).toList();
        return new StatusSummary.Incident(report.incidentId(), report.title(), PublicVocabulary.incident(report.status()),
                PublicVocabulary.time(report.openedAt()), PublicVocabulary.time(lastPublicUpdate(report)),
                PublicVocabulary.time(monitoringAt),
                report.isOpen() ? null : PublicVocabulary.time(report.resolvedAt()),
                PublicVocabulary.impact(report.severity()),
                page.baseUrl() + "/status#incident-" + report.incidentId(),
                PublicVocabulary.time(report.startedAt()), page.id(), rendered, affected);
    }

    private static List<Update> publicUpdates(IncidentReport report) {
        return report.updates().stream().filter(Update::isPublic).toList();
    }
}
