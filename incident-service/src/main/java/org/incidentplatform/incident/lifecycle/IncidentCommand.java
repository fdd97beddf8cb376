package org.incidentplatform.incident.lifecycle;

import java.time.Instant;
import java.util.List;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.incidentplatform.events.ActionItem;
import org.incidentplatform.events.ComponentImpact;
import org.incidentplatform.events.DataLoss;
import org.incidentplatform.events.ProgressStatus;
import org.incidentplatform.events.Severity;
import org.incidentplatform.events.Visibility;

/**
 * The commands the Incident aggregate accepts. Every command names the incident, may carry the
 * aggregate version the caller last saw (from {@code If-Match}; null when the caller did not
 * say) and the time its fact happened.
 */
public sealed interface IncidentCommand {

    String incidentId();

    Long expectedVersion();

    Instant occurredAt();

    record OpenIncident(@TargetAggregateIdentifier String incidentId, String title, String summary,
            Severity severity, List<String> services, String commander, Instant detectedAt, Instant occurredAt)
            implements IncidentCommand {
        @Override
        public Long expectedVersion() {
            return null;
        }
    }

    /**
     * Opens an incident with its first alerts attached, in one append: how alert intake opens
     * incidents, so an alert reaches its incident in one step instead of an open and then an
     * attach (each a load, an append and a relay pass). Fails like {@link OpenIncident} when the
     * incident exists; the caller then attaches the alerts with {@link AttachAlerts}.
     */
    record OpenIncidentWithAlerts(@TargetAggregateIdentifier String incidentId, OpenIncident open,
            List<AttachAlert> alerts) implements IncidentCommand {
        @Override
        public Long expectedVersion() {
            return null;
        }

        @Override
        public Instant occurredAt() {
            return open.occurredAt();
        }
    }

    record AcknowledgeIncident(@TargetAggregateIdentifier String incidentId, Long expectedVersion,
            Instant occurredAt) implements IncidentCommand {
    }

    record PostStatusUpdate(@TargetAggregateIdentifier String incidentId, Long expectedVersion,
            ProgressStatus status, String message, boolean visibleToPublic, Instant occurredAt)
            implements IncidentCommand {
    }

    record ChangeSeverity(@TargetAggregateIdentifier String incidentId, Long expectedVersion,
            Severity severity, String reason, Instant occurredAt) implements IncidentCommand {
    }

    record AssignCommander(@TargetAggregateIdentifier String incidentId, Long expectedVersion,
            String commander, Instant occurredAt) implements IncidentCommand {
    }

    record AddResponder(@TargetAggregateIdentifier String incidentId, Long expectedVersion,
            String responder, Instant occurredAt) implements IncidentCommand {
    }

    record RemoveResponder(@TargetAggregateIdentifier String incidentId, Long expectedVersion,
            String responder, Instant occurredAt) implements IncidentCommand {
    }

    record AddNote(@TargetAggregateIdentifier String incidentId, Long expectedVersion, String noteId,
            String text, Visibility visibility, Instant occurredAt) implements IncidentCommand {
    }

    record AssessImpact(@TargetAggregateIdentifier String incidentId, Long expectedVersion,
            List<ComponentImpact> components, String customerImpact, Long customersAffected, DataLoss dataLoss,
            Instant impactStartedAt, Instant impactEndedAt, Instant occurredAt) implements IncidentCommand {
    }

    record MitigateIncident(@TargetAggregateIdentifier String incidentId, Long expectedVersion,
            Instant occurredAt) implements IncidentCommand {
    }

    record ResolveIncident(@TargetAggregateIdentifier String incidentId, Long expectedVersion,
            String resolution, Instant occurredAt) implements IncidentCommand {
    }

    record ReopenIncident(@TargetAggregateIdentifier String incidentId, Long expectedVersion,
            String reason, Instant occurredAt) implements IncidentCommand {
    }

    record UpdatePostmortem(@TargetAggregateIdentifier String incidentId, Long expectedVersion,
            String summary, String rootCause, List<String> contributingFactors, List<String> whatWentWell,
            List<String> whatWentWrong, List<String> lessons, Instant occurredAt) implements IncidentCommand {
    }

    record AddActionItem(@TargetAggregateIdentifier String incidentId, Long expectedVersion,
            ActionItem item, Instant occurredAt) implements IncidentCommand {
    }

    /** Changes only the fields that are not null; the item id selects the item. */
    record UpdateActionItem(@TargetAggregateIdentifier String incidentId, Long expectedVersion,
            ActionItem changes, Instant occurredAt) implements IncidentCommand {
    }

    /** Attach a monitoring alert; repeating it for an alert that is already firing changes nothing. */
    record AttachAlert(@TargetAggregateIdentifier String incidentId, String alertKey, String integrationId,
            String integrationName, String source, String dedupKey, String summary, String alertSeverity,
            java.util.Map<String, String> labels, java.util.Map<String, String> annotations,
            List<org.incidentplatform.events.AlertAttached.Link> links, Instant startedAt, String previousIncidentId,
            Instant occurredAt) implements IncidentCommand {
        @Override
        public Long expectedVersion() {
            return null;
        }
    }

    /** An attached alert stopped firing; resolves the incident too when it was the last and auto-resolve is on. */
    record ResolveAlert(@TargetAggregateIdentifier String incidentId, String alertKey, String integrationId,
            String integrationName, boolean autoResolve, Instant endedAt, Instant occurredAt) implements IncidentCommand {
        @Override
        public Long expectedVersion() {
            return null;
        }
    }

    /**
     * Attach many alerts in one command, so that a storm's alerts are stored in one append rather
     * than one round trip each. Each alert follows {@link AttachAlert}'s rules.
     */
    record AttachAlerts(@TargetAggregateIdentifier String incidentId, List<AttachAlert> alerts, Instant occurredAt)
            implements IncidentCommand {
        @Override
        public Long expectedVersion() {
            return null;
        }
    }

    /** Resolve many alerts in one command; each follows {@link ResolveAlert}'s rules. */
    record ResolveAlerts(@TargetAggregateIdentifier String incidentId, List<ResolveAlert> alerts, Instant occurredAt)
            implements IncidentCommand {
        @Override
        public Long expectedVersion() {
            return null;
        }
    }

    /** A sender acknowledged; unlike a person's acknowledgement, a repeat or a late one is not an error. */
    record AcknowledgeFromAlert(@TargetAggregateIdentifier String incidentId, Instant occurredAt)
            implements IncidentCommand {
        @Override
        public Long expectedVersion() {
            return null;
        }
    }

    record CloseIncident(@TargetAggregateIdentifier String incidentId, Long expectedVersion,
            Instant occurredAt) implements IncidentCommand {
    }

    /**
     * Starts paging by an escalation policy; a no-op once the incident has had an escalation or is
     * no longer triggered, so the relay may deliver the same start twice.
     */
    record StartEscalation(@TargetAggregateIdentifier String incidentId, String policyId, String policyName,
            int steps, int rounds, EscalationStep first, Instant occurredAt) implements IncidentCommand {
        @Override
        public Long expectedVersion() {
            return null;
        }
    }

    /**
     * Moves a running escalation from the step it is on to {@code next} (or ends it, exhausted, when
     * next is null); a no-op unless it is still on {@code fromStep} of {@code fromRound}, so a timer
     * that fires twice, or on two instances, pages once.
     */
    record AdvanceEscalation(@TargetAggregateIdentifier String incidentId, int fromStep, int fromRound,
            EscalationStep next, Instant occurredAt) implements IncidentCommand {
        @Override
        public Long expectedVersion() {
            return null;
        }
    }

    /** A paged person acknowledged through their page; a no-op when the incident is no longer triggered. */
    record AcknowledgeFromPage(@TargetAggregateIdentifier String incidentId, String pageId, Instant occurredAt)
            implements IncidentCommand {
        @Override
        public Long expectedVersion() {
            return null;
        }
    }

    /**
     * People paged by hand ("page the database on-call"), outside any escalation policy: each page
     * is a {@code PersonPaged} with step 0, delivered like an escalation's. Only while the incident
     * is open; it neither starts nor stops an escalation.
     */
    record PagePeople(@TargetAggregateIdentifier String incidentId, List<org.incidentplatform.events.PersonPaged> pages,
            Instant occurredAt) implements IncidentCommand {
        @Override
        public Long expectedVersion() {
            return null;
        }
    }

    /**
     * One step of an escalation as it is reached: whom it pages, resolved from schedules and teams
     * at that moment, and when the next one is due.
     */
    record EscalationStep(int step, int round, List<String> targets, List<String> unreached,
            List<org.incidentplatform.events.PersonPaged> pages, java.time.Duration acknowledgeWithin) {
    }
}
