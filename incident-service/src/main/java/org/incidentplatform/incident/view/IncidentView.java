package org.incidentplatform.incident.view;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.incidentplatform.events.ActionItem;
import org.incidentplatform.events.ComponentImpact;
import org.incidentplatform.events.DataLoss;
import org.incidentplatform.events.IncidentStatus;
import org.incidentplatform.events.ProgressStatus;
import org.incidentplatform.events.Severity;
import org.incidentplatform.events.Visibility;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Transient;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * Everything known about one incident, as of its last applied event. Mutable on purpose: it is
 * only ever changed by {@link IncidentFold}, one event at a time.
 */
@Document("incident_views")
public class IncidentView {

    /** How many alerts the incident document itself lists. */
    public static final int LISTED_ALERTS = 20;

    @Id
    String id;
    String title;
    String summary;
    Severity severity;
    IncidentStatus status;
    List<String> services = new ArrayList<>();
    String commander;
    List<String> responders = new ArrayList<>();
    Instant startedAt;
    Instant detectedAt;
    Instant acknowledgedAt;
    Instant mitigatedAt;
    Instant resolvedAt;
    Instant closedAt;
    String resolution;
    List<StatusUpdate> statusUpdates = new ArrayList<>();
    List<Note> notes = new ArrayList<>();
    Impact impact;
    Postmortem postmortem;
    List<ActionItem> actionItems = new ArrayList<>();
    /** The first {@link #LISTED_ALERTS} alerts attached; all of them are paged at {@code /alerts}. */
    List<Alert> alerts = new ArrayList<>();
    /** Attached alerts still firing (every alert, not only the listed ones). */
    int firingAlertCount;
    /** Every alert ever attached; counted from {@link IncidentAlerts} when the incident is read, not stored. */
    @Transient
    Long alertCount;
    /** The escalation paging people for this incident, null when none ran. */
    Escalation escalation;
    Instant createdAt;
    Instant updatedAt;
    long version = -1;

    public record StatusUpdate(ProgressStatus status, String message, boolean visibleToPublic, Instant occurredAt) {
    }

    public record Note(String noteId, String text, Visibility visibility, Instant occurredAt) {
    }

    public record Impact(List<ComponentImpact> components, String customerImpact, Long customersAffected,
            DataLoss dataLoss, Instant impactStartedAt, Instant impactEndedAt) {
    }

    /**
     * An attached monitoring alert. fireCount and lastSeenAt come from the alert streams and are
     * filled in when the incident is read (see {@link AlertActivity}).
     */
    public record Alert(String alertKey, String integrationName, String source, String dedupKey, String summary,
            String alertSeverity, java.util.Map<String, String> labels, java.util.Map<String, String> annotations,
            List<org.incidentplatform.events.AlertAttached.Link> links, Instant startedAt, Instant attachedAt,
            boolean firing, Instant endedAt, String previousIncidentId, Integer fireCount, Instant lastSeenAt) {

        Alert withActivity(Integer count, Instant lastSeen) {
            return new Alert(alertKey, integrationName, source, dedupKey, summary, alertSeverity, labels, annotations,
                    links, startedAt, attachedAt, firing, endedAt, previousIncidentId, count, lastSeen);
        }
    }

    /**
     * The incident's escalation: its policy, where it is, and every page it sent (a few per step).
     *
     * @param state      RUNNING, ACKNOWLEDGED, RESOLVED or EXHAUSTED
     * @param nextStepAt when the next step is due while running
     */
    public record Escalation(String policyId, String policyName, String state, int step, int round,
            Instant nextStepAt, List<Page> pages) {

        Escalation with(String newState, int newStep, int newRound, Instant newNextStepAt, List<Page> newPages) {
            return new Escalation(policyId, policyName, newState, newStep, newRound, newNextStepAt, newPages);
        }
    }

    /** One person paged: who, why, and at which step. */
    public record Page(String pageId, String personId, String personName, String reason, int step, int round,
            Instant pagedAt) {
    }

    public record Postmortem(String summary, String rootCause, List<String> contributingFactors,
            List<String> whatWentWell, List<String> whatWentWrong, List<String> lessons) {
    }

    public String getId() { return id; }
    public String getTitle() { return title; }
    public String getSummary() { return summary; }
    public Severity getSeverity() { return severity; }
    public IncidentStatus getStatus() { return status; }
    public List<String> getServices() { return services; }
    public String getCommander() { return commander; }
    public List<String> getResponders() { return responders; }
    public Instant getStartedAt() { return startedAt; }
    public Instant getDetectedAt() { return detectedAt; }
    public Instant getAcknowledgedAt() { return acknowledgedAt; }
    public Instant getMitigatedAt() { return mitigatedAt; }
    public Instant getResolvedAt() { return resolvedAt; }
    public Instant getClosedAt() { return closedAt; }
    public String getResolution() { return resolution; }
    public List<StatusUpdate> getStatusUpdates() { return statusUpdates; }
    public List<Note> getNotes() { return notes; }
    public Impact getImpact() { return impact; }
    public Postmortem getPostmortem() { return postmortem; }
    public List<ActionItem> getActionItems() { return actionItems; }
    public List<Alert> getAlerts() { return alerts; }
    public int getFiringAlertCount() { return firingAlertCount; }
    public Long getAlertCount() { return alertCount; }
    public Escalation getEscalation() { return escalation; }
    public Instant getCreatedAt() { return createdAt; }
    public Instant getUpdatedAt() { return updatedAt; }
    /** Sequence number of the last applied event: the aggregate version that ETags carry. */
    public long getVersion() { return version; }
}
