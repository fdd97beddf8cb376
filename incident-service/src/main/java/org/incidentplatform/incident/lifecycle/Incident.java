package org.incidentplatform.incident.lifecycle;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.AggregateLifecycle;
import org.axonframework.spring.stereotype.Aggregate;
import org.incidentplatform.events.ActionItem;
import org.incidentplatform.events.ActionItemAdded;
import org.incidentplatform.events.ActionItemUpdated;
import org.incidentplatform.events.AlertAttached;
import org.incidentplatform.events.AlertResolved;
import org.incidentplatform.events.CommanderAssigned;
import org.incidentplatform.events.EscalationStarted;
import org.incidentplatform.events.EscalationStepReached;
import org.incidentplatform.events.EscalationStopped;
import org.incidentplatform.events.ImpactAssessed;
import org.incidentplatform.events.IncidentAcknowledged;
import org.incidentplatform.events.IncidentClosed;
import org.incidentplatform.events.IncidentMitigated;
import org.incidentplatform.events.IncidentOpened;
import org.incidentplatform.events.IncidentReopened;
import org.incidentplatform.events.IncidentResolved;
import org.incidentplatform.events.IncidentStatus;
import org.incidentplatform.events.NoteAdded;
import org.incidentplatform.events.PostmortemUpdated;
import org.incidentplatform.events.ResponderAdded;
import org.incidentplatform.events.ResponderRemoved;
import org.incidentplatform.events.Severity;
import org.incidentplatform.events.SeverityChanged;
import org.incidentplatform.events.StatusUpdated;
import org.incidentplatform.incident.lifecycle.IncidentCommand.*;

/**
 * One incident, rebuilt from its events for every command. Command handlers check one rule each
 * and apply an event; the event-sourcing handlers below only record state.
 */
@Aggregate(cache = "aggregateCache")
class Incident {

    @AggregateIdentifier
    private String incidentId;
    private IncidentStatus status;
    private Severity severity;
    private boolean mitigated;
    private final Set<String> responders = new HashSet<>();
    private final Map<String, ActionItem> actionItems = new HashMap<>();
    /** Attached alerts by key: true while firing. */
    private final Map<String, Boolean> alerts = new HashMap<>();
    /** How many of {@link #alerts} are firing. */
    private int firingAlerts;
    /** When each alert was last attached (the alert stream's receipt time): tells a redelivered attach from a new one. */
    private final Map<String, Instant> attachedAt = new HashMap<>();
    /** Where the incident's escalation is: at most one per incident. */
    private EscalationProgress escalation = EscalationProgress.NONE;

    protected Incident() {
        // Axon rebuilds the aggregate from its events through this constructor.
    }

    @CommandHandler
    Incident(OpenIncident c) {
        apply(new IncidentOpened(c.incidentId(), c.title(), c.summary(), c.severity(), c.services(),
                c.commander(), c.detectedAt(), c.occurredAt()));
    }

    /**
     * The events of an open followed by an attach of each alert. Applied events reach this
     * aggregate's state only after the constructor returns, so the attach rules are applied here
     * to what a new incident is: it takes alerts, and holds none yet (a key twice counts once).
     */
    @CommandHandler
    Incident(OpenIncidentWithAlerts c) {
        this(c.open());
        Set<String> attached = new HashSet<>();
        for (AttachAlert a : c.alerts()) {
            if (attached.add(a.alertKey())) {
                apply(attachedEvent(c.incidentId(), a));
            }
        }
    }

    @CommandHandler
    void handle(AcknowledgeIncident c) {
        check(c, IncidentAction.ACKNOWLEDGE, "Only a triggered incident can be acknowledged");
        apply(new IncidentAcknowledged(incidentId, c.occurredAt()));
        stopEscalation("ACKNOWLEDGED", c.occurredAt());
    }

    @CommandHandler
    void handle(PostStatusUpdate c) {
        check(c, IncidentAction.POST_STATUS_UPDATE, "Status updates are for open incidents");
        apply(new StatusUpdated(incidentId, c.status(), c.message(), c.visibleToPublic(), c.occurredAt()));
        stopEscalation(status == IncidentStatus.RESOLVED ? "RESOLVED" : "ACKNOWLEDGED", c.occurredAt());
    }

    @CommandHandler
    void handle(StartEscalation c) {
        if (escalation.started() || status != IncidentStatus.TRIGGERED) {
            return; // Started already (a redelivered start), or somebody answered before it began.
        }
        apply(new EscalationStarted(incidentId, c.policyId(), c.policyName(), c.steps(), c.rounds(), c.occurredAt()));
        reach(c.first(), c.occurredAt());
    }

    /** @return whether the escalation moved; false when it had left that step already */
    @CommandHandler
    boolean handle(AdvanceEscalation c) {
        if (!escalation.isAt(c.fromStep(), c.fromRound())) {
            return false; // Moved on or stopped already: this timer fired before, or on another instance.
        }
        if (c.next() == null) {
            stopEscalation("EXHAUSTED", c.occurredAt());
        } else {
            reach(c.next(), c.occurredAt());
        }
        return true;
    }

    /** @return whether it acknowledged; false when somebody answered first */
    @CommandHandler
    boolean handle(AcknowledgeFromPage c) {
        if (status != IncidentStatus.TRIGGERED) {
            return false;
        }
        apply(new IncidentAcknowledged(incidentId, c.occurredAt()));
        stopEscalation("ACKNOWLEDGED", c.occurredAt());
        return true;
    }

    private void reach(EscalationStep step, Instant at) {
        apply(new EscalationStepReached(incidentId, escalation.policyId(), step.step(), step.round(), step.targets(), step.unreached(),
                at.plus(step.acknowledgeWithin()), at));
        step.pages().forEach(AggregateLifecycle::apply);
    }

    /** Whatever answered the incident (an acknowledgement, a status update, a resolution) ends its escalation. */
    private void stopEscalation(String reason, Instant at) {
        if (escalation.running()) {
            apply(new EscalationStopped(incidentId, reason, at));
        }
    }

    @CommandHandler
    void handle(ChangeSeverity c) {
        check(c, IncidentAction.CHANGE_SEVERITY, "A closed incident's severity is final");
        if (c.severity() == severity) {
            throw new IllegalTransitionException(status, IncidentAction.CHANGE_SEVERITY, "The incident is already " + severity);
        }
        apply(new SeverityChanged(incidentId, severity, c.severity(), c.reason(), c.occurredAt()));
    }

    @CommandHandler
    void handle(AssignCommander c) {
        check(c, IncidentAction.ASSIGN_COMMANDER, "A closed incident has no commander to change");
        apply(new CommanderAssigned(incidentId, c.commander(), c.occurredAt()));
    }

    @CommandHandler
    void handle(AddResponder c) {
        check(c, IncidentAction.CHANGE_RESPONDERS, "A closed incident has no responders to change");
        if (!responders.contains(c.responder())) { // Adding someone twice is a no-op, not an error.
            apply(new ResponderAdded(incidentId, c.responder(), c.occurredAt()));
        }
    }

    @CommandHandler
    void handle(RemoveResponder c) {
        check(c, IncidentAction.CHANGE_RESPONDERS, "A closed incident has no responders to change");
        if (!responders.contains(c.responder())) {
            throw new PartNotFoundException("'" + c.responder() + "' is not a responder of this incident");
        }
        apply(new ResponderRemoved(incidentId, c.responder(), c.occurredAt()));
    }

    @CommandHandler
    void handle(AddNote c) {
        check(c, IncidentAction.ADD_NOTE, "Notes can always be added");
        apply(new NoteAdded(incidentId, c.noteId(), c.text(), c.visibility(), c.occurredAt()));
    }

    @CommandHandler
    void handle(AssessImpact c) {
        check(c, IncidentAction.ASSESS_IMPACT, "Impact can always be assessed");
        apply(new ImpactAssessed(incidentId, c.components(), c.customerImpact(), c.customersAffected(),
                c.dataLoss(), c.impactStartedAt(), c.impactEndedAt(), c.occurredAt()));
    }

    @CommandHandler
    void handle(MitigateIncident c) {
        check(c, IncidentAction.MITIGATE, "Only an open incident can be mitigated");
        if (mitigated) {
            throw new IllegalTransitionException(status, IncidentAction.MITIGATE, "The incident is already mitigated");
        }
        apply(new IncidentMitigated(incidentId, c.occurredAt()));
    }

    @CommandHandler
    void handle(ResolveIncident c) {
        check(c, IncidentAction.RESOLVE, "Only an open incident can be resolved");
        apply(new IncidentResolved(incidentId, c.resolution(), c.occurredAt()));
        stopEscalation("RESOLVED", c.occurredAt());
    }

    @CommandHandler
    void handle(ReopenIncident c) {
        check(c, IncidentAction.REOPEN, "Only a resolved incident can be reopened");
        apply(new IncidentReopened(incidentId, c.reason(), c.occurredAt()));
    }

    @CommandHandler
    void handle(UpdatePostmortem c) {
        check(c, IncidentAction.EDIT_POSTMORTEM, "The post-mortem can always be edited");
        apply(new PostmortemUpdated(incidentId, c.summary(), c.rootCause(), c.contributingFactors(),
                c.whatWentWell(), c.whatWentWrong(), c.lessons(), c.occurredAt()));
    }

    @CommandHandler
    void handle(AddActionItem c) {
        check(c, IncidentAction.EDIT_ACTION_ITEMS, "Action items can always be added");
        apply(new ActionItemAdded(incidentId, c.item(), c.occurredAt()));
    }

    @CommandHandler
    void handle(UpdateActionItem c) {
        check(c, IncidentAction.EDIT_ACTION_ITEMS, "Action items can always be changed");
        ActionItem current = actionItems.get(c.changes().itemId());
        if (current == null) {
            throw new PartNotFoundException("This incident has no action item '" + c.changes().itemId() + "'");
        }
        ActionItem changed = ActionItemChanges.applyTo(current, c.changes());
        if (!changed.equals(current)) {
            apply(new ActionItemUpdated(incidentId, changed, c.occurredAt()));
        }
    }

    @CommandHandler
    void handle(AttachAlert c) {
        attach(c);
    }

    /** All or nothing: if the incident no longer takes alerts, none of the batch is attached. */
    @CommandHandler
    void handle(AttachAlerts c) {
        c.alerts().forEach(this::attach);
    }

    private void attach(AttachAlert c) {
        Instant lastAttached = attachedAt.get(c.alertKey());
        if (lastAttached != null && c.occurredAt() != null && !c.occurredAt().isAfter(lastAttached)) {
            // This attach (or a later one) is recorded already: the linker redelivered a decision, for
            // example after a failed batch. Whatever the status is now (the alert may have resolved the
            // incident since), it changes nothing; refusing it would stop the linker for good.
            return;
        }
        check(c, IncidentAction.ATTACH_ALERT, "Alerts attach only to open incidents; a new one will be opened");
        if (Boolean.TRUE.equals(alerts.get(c.alertKey()))) {
            return; // Already attached and firing: a redelivered command changes nothing.
        }
        apply(attachedEvent(incidentId, c));
    }

    private static AlertAttached attachedEvent(String incidentId, AttachAlert c) {
        return new AlertAttached(incidentId, c.alertKey(), c.integrationId(), c.integrationName(), c.source(),
                c.dedupKey(), c.summary(), c.alertSeverity(), c.labels(), c.annotations(), c.links(), c.startedAt(),
                c.previousIncidentId(), c.occurredAt());
    }

    @CommandHandler
    void handle(ResolveAlert c) {
        resolve(c);
    }

    @CommandHandler
    void handle(ResolveAlerts c) {
        c.alerts().forEach(this::resolve);
    }

    private void resolve(ResolveAlert c) {
        if (!Boolean.TRUE.equals(alerts.get(c.alertKey()))) {
            return; // Unknown or already resolved.
        }
        // Counted, not scanned: a storm resolves thousands of alerts, one scan each would be quadratic.
        boolean allResolved = firingAlerts == 1;
        apply(new AlertResolved(incidentId, c.alertKey(), c.integrationId(), allResolved, c.endedAt(), c.occurredAt()));
        if (allResolved && c.autoResolve() && IncidentAction.allowedIn(status).contains(IncidentAction.RESOLVE)) {
            apply(new IncidentResolved(incidentId, "All alerts resolved; resolved automatically by integration "
                    + c.integrationName(), c.occurredAt()));
            stopEscalation("RESOLVED", c.occurredAt());
        }
    }

    @CommandHandler
    void handle(AcknowledgeFromAlert c) {
        if (status == IncidentStatus.TRIGGERED) {
            apply(new IncidentAcknowledged(incidentId, c.occurredAt()));
            stopEscalation("ACKNOWLEDGED", c.occurredAt());
        }
    }

    @CommandHandler
    void handle(PagePeople c) {
        check(c, IncidentAction.PAGE, "Only an open incident pages people");
        c.pages().forEach(AggregateLifecycle::apply);
    }

    @CommandHandler
    void handle(CloseIncident c) {
        check(c, IncidentAction.CLOSE, "Only a resolved incident can be closed: resolve it first");
        apply(new IncidentClosed(incidentId, c.occurredAt()));
    }

    /** The two rules every command shares: the caller saw the current version, and the status allows the action. */
    private void check(IncidentCommand command, IncidentAction action, String reasonIfNotAllowed) {
        long currentVersion = AggregateLifecycle.getVersion() == null ? -1 : AggregateLifecycle.getVersion();
        if (command.expectedVersion() != null && command.expectedVersion() != currentVersion) {
            throw new StaleVersionException(command.expectedVersion(), currentVersion);
        }
        if (!IncidentAction.allowedIn(status).contains(action)) {
            throw new IllegalTransitionException(status, action, reasonIfNotAllowed + " (it is " + status + ")");
        }
    }

    @EventSourcingHandler
    void on(IncidentOpened e) {
        incidentId = e.incidentId();
        status = IncidentStatus.TRIGGERED;
        severity = e.severity();
    }

    @EventSourcingHandler
    void on(IncidentAcknowledged e) {
        status = IncidentStatus.ACKNOWLEDGED;
    }

    @EventSourcingHandler
    void on(StatusUpdated e) {
        status = e.status().asIncidentStatus();
    }

    @EventSourcingHandler
    void on(SeverityChanged e) {
        severity = e.severity();
    }

    @EventSourcingHandler
    void on(ResponderAdded e) {
        responders.add(e.responder());
    }

    @EventSourcingHandler
    void on(ResponderRemoved e) {
        responders.remove(e.responder());
    }

    @EventSourcingHandler
    void on(IncidentMitigated e) {
        mitigated = true;
    }

    @EventSourcingHandler
    void on(IncidentResolved e) {
        status = IncidentStatus.RESOLVED;
    }

    @EventSourcingHandler
    void on(IncidentReopened e) {
        status = IncidentStatus.INVESTIGATING;
        mitigated = false;
    }

    @EventSourcingHandler
    void on(ActionItemAdded e) {
        actionItems.put(e.item().itemId(), e.item());
    }

    @EventSourcingHandler
    void on(ActionItemUpdated e) {
        actionItems.put(e.item().itemId(), e.item());
    }

    @EventSourcingHandler
    void on(AlertAttached e) {
        if (!Boolean.TRUE.equals(alerts.put(e.alertKey(), true))) {
            firingAlerts++;
        }
        if (e.occurredAt() != null) {
            attachedAt.merge(e.alertKey(), e.occurredAt(), (a, b) -> a.isAfter(b) ? a : b);
        }
    }

    @EventSourcingHandler
    void on(AlertResolved e) {
        if (Boolean.TRUE.equals(alerts.put(e.alertKey(), false))) {
            firingAlerts--;
        }
    }

    @EventSourcingHandler
    void on(IncidentClosed e) {
        status = IncidentStatus.CLOSED;
    }

    @EventSourcingHandler
    void on(EscalationStarted e) {
        escalation = EscalationProgress.started(e.policyId());
    }

    @EventSourcingHandler
    void on(EscalationStepReached e) {
        escalation = escalation.at(e.step(), e.round());
    }

    @EventSourcingHandler
    void on(EscalationStopped e) {
        escalation = escalation.stop();
    }

    IncidentStatus status() {
        return status;
    }
}
