package org.incidentplatform.incident.view;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.incidentplatform.events.ActionItemAdded;
import org.incidentplatform.events.ActionItemUpdated;
import org.incidentplatform.events.AlertAttached;
import org.incidentplatform.events.AlertResolved;
import org.incidentplatform.events.CommanderAssigned;
import org.incidentplatform.events.EscalationStarted;
import org.incidentplatform.events.EscalationStepReached;
import org.incidentplatform.events.EscalationStopped;
import org.incidentplatform.events.PersonPaged;
import org.incidentplatform.events.ImpactAssessed;
import org.incidentplatform.events.IncidentAcknowledged;
import org.incidentplatform.events.IncidentClosed;
import org.incidentplatform.events.IncidentEvent;
import org.incidentplatform.events.IncidentMitigated;
import org.incidentplatform.events.IncidentOpened;
import org.incidentplatform.events.IncidentReopened;
import org.incidentplatform.events.IncidentResolved;
import org.incidentplatform.events.IncidentStatus;
import org.incidentplatform.events.NoteAdded;
import org.incidentplatform.events.PostmortemUpdated;
import org.incidentplatform.events.ResponderAdded;
import org.incidentplatform.events.ResponderRemoved;
import org.incidentplatform.events.SeverityChanged;
import org.incidentplatform.events.StatusUpdated;

/** Applies one event to a view. The switch is exhaustive: a new event type will not compile until handled here. */
public final class IncidentFold {

    /** A policy pages a few people per step; a bound keeps a looping misconfiguration from growing the document. */
    static final int MAX_PAGES_LISTED = 100;

    private IncidentFold() {
    }

    public static IncidentView apply(IncidentView view, IncidentEvent event, long sequence, Instant recordedAt) {
        switch (event) {
            case IncidentOpened e -> {
                view.id = e.incidentId();
                view.title = e.title();
                view.summary = e.summary();
                view.severity = e.severity();
                view.status = IncidentStatus.TRIGGERED;
                view.services = new ArrayList<>(e.services());
                view.commander = e.commander();
                view.startedAt = e.occurredAt();
                view.detectedAt = e.detectedAt() != null ? e.detectedAt() : recordedAt;
                view.createdAt = recordedAt;
            }
            case IncidentAcknowledged e -> {
                view.status = IncidentStatus.ACKNOWLEDGED;
                view.acknowledgedAt = e.occurredAt();
            }
            case StatusUpdated e -> {
                view.status = e.status().asIncidentStatus();
                // A status update is a response too: it counts as acknowledgement when none came first.
                view.acknowledgedAt = view.acknowledgedAt != null ? view.acknowledgedAt : e.occurredAt();
                view.statusUpdates.add(new IncidentView.StatusUpdate(e.status(), e.message(), e.visibleToPublic(), e.occurredAt()));
            }
            case SeverityChanged e -> view.severity = e.severity();
            case CommanderAssigned e -> view.commander = e.commander();
            case ResponderAdded e -> view.responders.add(e.responder());
            case ResponderRemoved e -> view.responders.remove(e.responder());
            case NoteAdded e -> view.notes.add(new IncidentView.Note(e.noteId(), e.text(), e.visibility(), e.occurredAt()));
            case ImpactAssessed e -> view.impact = new IncidentView.Impact(e.components(), e.customerImpact(),
                    e.customersAffected(), e.dataLoss(), e.impactStartedAt(), e.impactEndedAt());
            case IncidentMitigated e -> view.mitigatedAt = e.occurredAt();
            case IncidentResolved e -> {
                view.status = IncidentStatus.RESOLVED;
                view.resolvedAt = e.occurredAt();
                view.resolution = e.resolution();
            }
            case IncidentReopened e -> {
                view.status = IncidentStatus.INVESTIGATING;
                view.resolvedAt = null;
                view.mitigatedAt = null;
                view.resolution = null;
            }
            case PostmortemUpdated e -> view.postmortem = new IncidentView.Postmortem(e.summary(), e.rootCause(),
                    e.contributingFactors(), e.whatWentWell(), e.whatWentWrong(), e.lessons());
            case ActionItemAdded e -> view.actionItems.add(e.item());
            case ActionItemUpdated e -> view.actionItems.replaceAll(
                    item -> item.itemId().equals(e.item().itemId()) ? e.item() : item);
            case AlertAttached e -> {
                // The view lists the first alerts only; all of them are paged from IncidentAlerts,
                // so an incident with thousands of alerts keeps a small document.
                view.firingAlertCount++;
                IncidentView.Alert attached = new IncidentView.Alert(e.alertKey(), e.integrationName(), e.source(),
                        e.dedupKey(), e.summary(), e.alertSeverity(), e.labels(), e.annotations(), e.links(),
                        e.startedAt(), e.occurredAt(), true, null, e.previousIncidentId(), null, null);
                int listed = indexOf(view, e.alertKey());
                if (listed >= 0) {
                    view.alerts.set(listed, attached);
                } else if (view.alerts.size() < IncidentView.LISTED_ALERTS) {
                    view.alerts.add(attached);
                }
            }
            case AlertResolved e -> {
                view.firingAlertCount = Math.max(0, view.firingAlertCount - 1);
                int listed = indexOf(view, e.alertKey());
                if (listed >= 0) {
                    IncidentView.Alert alert = view.alerts.get(listed);
                    view.alerts.set(listed, new IncidentView.Alert(alert.alertKey(), alert.integrationName(),
                            alert.source(), alert.dedupKey(), alert.summary(), alert.alertSeverity(), alert.labels(),
                            alert.annotations(), alert.links(), alert.startedAt(), alert.attachedAt(), false,
                            e.endedAt() != null ? e.endedAt() : e.occurredAt(), alert.previousIncidentId(), null, null));
                }
            }
            case IncidentClosed e -> {
                view.status = IncidentStatus.CLOSED;
                view.closedAt = e.occurredAt();
            }
            case EscalationStarted e -> view.escalation = new IncidentView.Escalation(e.policyId(), e.policyName(),
                    "RUNNING", 0, 0, null, List.of());
            case EscalationStepReached e -> view.escalation = view.escalation == null ? null
                    : view.escalation.with("RUNNING", e.step(), e.round(), e.deadline(), view.escalation.pages());
            case PersonPaged e -> {
                if (view.escalation != null && view.escalation.pages().size() < MAX_PAGES_LISTED) {
                    List<IncidentView.Page> pages = new ArrayList<>(view.escalation.pages());
                    pages.add(new IncidentView.Page(e.pageId(), e.personId(), e.personName(), e.reason(), e.step(),
                            e.round(), e.occurredAt()));
                    view.escalation = view.escalation.with("RUNNING", view.escalation.step(), view.escalation.round(),
                            view.escalation.nextStepAt(), pages);
                }
            }
            case EscalationStopped e -> view.escalation = view.escalation == null ? null
                    : view.escalation.with(e.reason(), view.escalation.step(), view.escalation.round(), null,
                            view.escalation.pages());
        }
        view.version = sequence;
        view.updatedAt = recordedAt;
        return view;
    }

    private static int indexOf(IncidentView view, String alertKey) {
        for (int i = 0; i < view.alerts.size(); i++) {
            if (view.alerts.get(i).alertKey().equals(alertKey)) {
                return i;
            }
        }
        return -1;
    }
}
