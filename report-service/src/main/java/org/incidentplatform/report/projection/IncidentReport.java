package org.incidentplatform.report.projection;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.incidentplatform.events.ActionItem;
import org.incidentplatform.events.ComponentImpact;
import org.incidentplatform.events.IncidentStatus;
import org.incidentplatform.events.Severity;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * What the report service knows about one incident, as stored: the fold of every event applied
 * so far. The events themselves are kept apart ({@link ReportEvents}) and alerts only counted
 * ({@link AlertSummary}), so the document's size does not follow the incident's history. Only
 * {@link ReportFold} changes it; everyone else reads.
 *
 * <p>{@code lastAppliedSequence} is the incident sequence of the newest event applied: events
 * at or below it are duplicates. {@code missingSequences} lists positions that never arrived
 * (a gap on the topic), so a reader can tell the report is incomplete.
 */
@Document("incident_reports")
public class IncidentReport {

    @Id
    String incidentId;
    long lastAppliedSequence = -1;
    List<Long> missingSequences = new ArrayList<>();
    String title;
    String summary;
    Severity severity;
    List<SeverityChange> severityChanges = new ArrayList<>();
    List<String> services = new ArrayList<>();
    String commander;
    List<String> responders = new ArrayList<>();
    IncidentStatus status;
    Instant startedAt;
    Instant openedAt;
    Instant updatedAt;
    Instant resolvedAt;
    Impact impact;
    List<ComponentImpact> worstComponents = new ArrayList<>();
    String resolution;
    Sections sections;
    List<ActionItem> actionItems = new ArrayList<>();
    List<Update> updates = new ArrayList<>();
    AlertSummary alerts = new AlertSummary();

    IncidentReport() {
    }

    static IncidentReport empty(String incidentId) {
        IncidentReport report = new IncidentReport();
        report.incidentId = incidentId;
        return report;
    }

    public String incidentId() { return incidentId; }
    public long lastAppliedSequence() { return lastAppliedSequence; }
    public List<Long> missingSequences() { return List.copyOf(missingSequences); }
    public String title() { return title; }
    public String summary() { return summary; }
    public Severity severity() { return severity; }
    public List<SeverityChange> severityChanges() { return List.copyOf(severityChanges); }
    public List<String> services() { return List.copyOf(services); }
    public String commander() { return commander; }
    public List<String> responders() { return List.copyOf(responders); }
    public IncidentStatus status() { return status; }
    public Instant startedAt() { return startedAt; }
    public Instant openedAt() { return openedAt; }
    public Instant updatedAt() { return updatedAt; }
    public Instant resolvedAt() { return resolvedAt; }
    public Impact impact() { return impact; }
    public List<ComponentImpact> worstComponents() { return List.copyOf(worstComponents); }
    public String resolution() { return resolution; }
    public Sections sections() { return sections; }
    public List<ActionItem> actionItems() { return List.copyOf(actionItems); }
    public List<Update> updates() { return List.copyOf(updates); }
    public AlertSummary alerts() { return alerts; }

    /** Open means not yet resolved (or reopened since): its impact still counts on the status page. */
    public boolean isOpen() {
        return status != null && status != IncidentStatus.RESOLVED && status != IncidentStatus.CLOSED;
    }

    /** A severity change as it happened. */
    public record SeverityChange(Severity from, Severity to, String reason, Instant occurredAt) {
    }

    /** The latest impact assessment; each one replaces the previous. */
    public record Impact(List<ComponentImpact> components, String customerImpact, Long customersAffected,
            Boolean dataLost, String dataLossDescription, Instant assessedAt) {
    }

    /** The written post-mortem sections; each edit replaces them all. */
    public record Sections(String summary, String rootCause, List<String> contributingFactors,
            List<String> whatWentWell, List<String> whatWentWrong, List<String> lessons) {
    }

    /**
     * Something said about the incident's progress: a status update, a note, or the resolution and
     * reopening as the status page announces them. {@code status} is the incident's status once it
     * applied; {@code visibility} says whether the public may read it.
     */
    public record Update(long sequence, Kind kind, IncidentStatus status, String message,
            org.incidentplatform.events.Visibility visibility, Instant occurredAt, Instant recordedAt) {

        public enum Kind { STATUS, NOTE, RESOLVED, REOPENED }

        public boolean isPublic() {
            return visibility == org.incidentplatform.events.Visibility.PUBLIC;
        }
    }
}
