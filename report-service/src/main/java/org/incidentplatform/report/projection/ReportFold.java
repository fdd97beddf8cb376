package org.incidentplatform.report.projection;

import static org.incidentplatform.report.projection.IncidentReport.Update.Kind;

import java.util.ArrayList;
import org.incidentplatform.events.ActionItemAdded;
import org.incidentplatform.events.ActionItemUpdated;
import org.incidentplatform.events.AlertAttached;
import org.incidentplatform.events.AlertResolved;
import org.incidentplatform.events.CommanderAssigned;
import org.incidentplatform.events.ComponentImpact;
import org.incidentplatform.events.ImpactAssessed;
import org.incidentplatform.events.IncidentAcknowledged;
import org.incidentplatform.events.IncidentClosed;
import org.incidentplatform.events.IncidentEvent;
import org.incidentplatform.events.IncidentMitigated;
import org.incidentplatform.events.IncidentOpened;
import org.incidentplatform.events.IncidentReopened;
import org.incidentplatform.events.IncidentResolved;
import org.incidentplatform.events.EscalationStarted;
import org.incidentplatform.events.EscalationStepReached;
import org.incidentplatform.events.EscalationStopped;
import org.incidentplatform.events.IncidentStatus;
import org.incidentplatform.events.PersonPaged;
import org.incidentplatform.events.NoteAdded;
import org.incidentplatform.events.PostmortemUpdated;
import org.incidentplatform.events.ResponderAdded;
import org.incidentplatform.events.ResponderRemoved;
import org.incidentplatform.events.SeverityChanged;
import org.incidentplatform.events.StatusUpdated;
import org.incidentplatform.events.Visibility;
import org.incidentplatform.report.projection.IncidentReport.Impact;
import org.incidentplatform.report.projection.IncidentReport.Sections;
import org.incidentplatform.report.projection.IncidentReport.SeverityChange;
import org.incidentplatform.report.projection.IncidentReport.Update;

/**
 * Applies one event to a report. A plain function of (report, event), so a replay of the same
 * events always yields the same document. The switch is exhaustive: a new event type in the
 * contract does not compile until it is handled here.
 */
final class ReportFold {

    /** Texts the status page shows for transitions that carry no public wording of their own. */
    static final String RESOLVED_MESSAGE = "This incident has been resolved.";
    static final String REOPENED_MESSAGE = "This incident has been reopened and is being investigated again.";

    private static final int MAX_RECORDED_GAP = 1_000;

    private ReportFold() {
    }

    /** Whether the event is kept for the timeline and durations; alerts are only summarised. */
    static boolean isLogged(IncidentEvent event) {
        return !(event instanceof AlertAttached || event instanceof AlertResolved);
    }

    static void apply(IncidentReport report, LoggedEvent logged, IncidentEvent event) {
        for (long missing = report.lastAppliedSequence + 1;
                missing < logged.sequence() && report.missingSequences.size() < MAX_RECORDED_GAP; missing++) {
            report.missingSequences.add(missing);
        }
        switch (event) {
            case IncidentOpened e -> {
                report.title = e.title();
                report.summary = e.summary();
                report.severity = e.severity();
                report.services = new ArrayList<>(e.services());
                report.commander = e.commander();
                report.status = IncidentStatus.TRIGGERED;
                report.startedAt = e.occurredAt();
                report.openedAt = logged.recordedAt();
            }
            case IncidentAcknowledged e -> report.status = IncidentStatus.ACKNOWLEDGED;
            case StatusUpdated e -> {
                report.status = e.status().asIncidentStatus();
                update(report, logged, Kind.STATUS, e.message(),
                        e.visibleToPublic() ? Visibility.PUBLIC : Visibility.INTERNAL);
            }
            case SeverityChanged e -> {
                report.severityChanges.add(new SeverityChange(e.previousSeverity(), e.severity(), e.reason(), e.occurredAt()));
                report.severity = e.severity();
            }
            case CommanderAssigned e -> report.commander = e.commander();
            case ResponderAdded e -> {
                if (!report.responders.contains(e.responder())) {
                    report.responders.add(e.responder());
                }
            }
            case ResponderRemoved e -> report.responders.remove(e.responder());
            case NoteAdded e -> update(report, logged, Kind.NOTE, e.text(), e.visibility());
            case ImpactAssessed e -> assess(report, e);
            case IncidentMitigated e -> { }
            case IncidentResolved e -> {
                report.status = IncidentStatus.RESOLVED;
                report.resolvedAt = e.occurredAt();
                report.resolution = e.resolution();
                update(report, logged, Kind.RESOLVED, RESOLVED_MESSAGE, Visibility.PUBLIC);
            }
            case IncidentReopened e -> {
                report.status = IncidentStatus.INVESTIGATING;
                report.resolvedAt = null;
                report.resolution = null;
                update(report, logged, Kind.REOPENED, REOPENED_MESSAGE, Visibility.PUBLIC);
            }
            case PostmortemUpdated e -> report.sections = new Sections(e.summary(), e.rootCause(),
                    e.contributingFactors(), e.whatWentWell(), e.whatWentWrong(), e.lessons());
            case ActionItemAdded e -> {
                report.actionItems.removeIf(item -> item.itemId().equals(e.item().itemId()));
                report.actionItems.add(e.item());
            }
            case ActionItemUpdated e -> report.actionItems.replaceAll(
                    item -> item.itemId().equals(e.item().itemId()) ? e.item() : item);
            case IncidentClosed e -> report.status = IncidentStatus.CLOSED;
            // Alerts are counted, not logged: a storm would otherwise grow the report without bound.
            // An auto-resolution arrives as IncidentResolved.
            case AlertAttached e -> report.alerts.attach(e);
            case AlertResolved e -> report.alerts.resolve(e);
            // Logged for the post-mortem's timeline (who was paged, when); nothing else to fold.
            case EscalationStarted e -> { }
            case EscalationStepReached e -> { }
            case PersonPaged e -> { }
            case EscalationStopped e -> { }
        }
        report.lastAppliedSequence = logged.sequence();
        report.updatedAt = logged.recordedAt();
    }

    private static void update(IncidentReport report, LoggedEvent logged, Kind kind, String message,
            Visibility visibility) {
        report.updates.add(new Update(logged.sequence(), kind, report.status, message, visibility,
                logged.occurredAt(), logged.recordedAt()));
    }

    private static void assess(IncidentReport report, ImpactAssessed e) {
        report.impact = new Impact(e.components(), e.customerImpact(), e.customersAffected(),
                e.dataLoss() == null ? null : e.dataLoss().occurred(),
                e.dataLoss() == null ? null : e.dataLoss().description(), e.occurredAt());
        // The post-mortem reports each component at its worst, not at its last assessment.
        for (ComponentImpact assessed : e.components()) {
            int known = indexOf(report, assessed.component());
            if (known < 0) {
                report.worstComponents.add(assessed);
            } else if (assessed.status().compareTo(report.worstComponents.get(known).status()) > 0) {
                report.worstComponents.set(known, assessed);
            }
        }
    }

    private static int indexOf(IncidentReport report, String component) {
        for (int i = 0; i < report.worstComponents.size(); i++) {
            if (report.worstComponents.get(i).component().equals(component)) {
                return i;
            }
        }
        return -1;
    }
}
