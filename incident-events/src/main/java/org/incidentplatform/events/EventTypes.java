package org.incidentplatform.events;

import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * CloudEvents type names of the incident events and the record each one carries.
 *
 * <p>Type names are versioned ({@code .v1}); a breaking change to a payload gets a new name and
 * both are published side by side until consumers have moved. Adding a field is not breaking:
 * consumers ignore fields they do not know.
 */
public final class EventTypes {

    private static final String PREFIX = "org.incidentplatform.incident.";

    public static final String INCIDENT_OPENED = PREFIX + "opened.v1";
    public static final String INCIDENT_ACKNOWLEDGED = PREFIX + "acknowledged.v1";
    public static final String STATUS_UPDATED = PREFIX + "status-updated.v1";
    public static final String SEVERITY_CHANGED = PREFIX + "severity-changed.v1";
    public static final String COMMANDER_ASSIGNED = PREFIX + "commander-assigned.v1";
    public static final String RESPONDER_ADDED = PREFIX + "responder-added.v1";
    public static final String RESPONDER_REMOVED = PREFIX + "responder-removed.v1";
    public static final String NOTE_ADDED = PREFIX + "note-added.v1";
    public static final String IMPACT_ASSESSED = PREFIX + "impact-assessed.v1";
    public static final String INCIDENT_MITIGATED = PREFIX + "mitigated.v1";
    public static final String INCIDENT_RESOLVED = PREFIX + "resolved.v1";
    public static final String INCIDENT_REOPENED = PREFIX + "reopened.v1";
    public static final String POSTMORTEM_UPDATED = PREFIX + "postmortem-updated.v1";
    public static final String ACTION_ITEM_ADDED = PREFIX + "action-item-added.v1";
    public static final String ACTION_ITEM_UPDATED = PREFIX + "action-item-updated.v1";
    public static final String INCIDENT_CLOSED = PREFIX + "closed.v1";
    public static final String ALERT_ATTACHED = PREFIX + "alert-attached.v1";
    public static final String ALERT_RESOLVED = PREFIX + "alert-resolved.v1";
    public static final String ESCALATION_STARTED = PREFIX + "escalation-started.v1";
    public static final String ESCALATION_STEP_REACHED = PREFIX + "escalation-step-reached.v1";
    public static final String PERSON_PAGED = PREFIX + "person-paged.v1";
    public static final String ESCALATION_STOPPED = PREFIX + "escalation-stopped.v1";

    private static final Map<String, Class<? extends IncidentEvent>> BY_NAME = Map.ofEntries(
            Map.entry(INCIDENT_OPENED, IncidentOpened.class),
            Map.entry(INCIDENT_ACKNOWLEDGED, IncidentAcknowledged.class),
            Map.entry(STATUS_UPDATED, StatusUpdated.class),
            Map.entry(SEVERITY_CHANGED, SeverityChanged.class),
            Map.entry(COMMANDER_ASSIGNED, CommanderAssigned.class),
            Map.entry(RESPONDER_ADDED, ResponderAdded.class),
            Map.entry(RESPONDER_REMOVED, ResponderRemoved.class),
            Map.entry(NOTE_ADDED, NoteAdded.class),
            Map.entry(IMPACT_ASSESSED, ImpactAssessed.class),
            Map.entry(INCIDENT_MITIGATED, IncidentMitigated.class),
            Map.entry(INCIDENT_RESOLVED, IncidentResolved.class),
            Map.entry(INCIDENT_REOPENED, IncidentReopened.class),
            Map.entry(POSTMORTEM_UPDATED, PostmortemUpdated.class),
            Map.entry(ACTION_ITEM_ADDED, ActionItemAdded.class),
            Map.entry(ACTION_ITEM_UPDATED, ActionItemUpdated.class),
            Map.entry(INCIDENT_CLOSED, IncidentClosed.class),
            Map.entry(ALERT_ATTACHED, AlertAttached.class),
            Map.entry(ALERT_RESOLVED, AlertResolved.class),
            Map.entry(ESCALATION_STARTED, EscalationStarted.class),
            Map.entry(ESCALATION_STEP_REACHED, EscalationStepReached.class),
            Map.entry(PERSON_PAGED, PersonPaged.class),
            Map.entry(ESCALATION_STOPPED, EscalationStopped.class));

    private EventTypes() {
    }

    /** The record class for a type name, or empty for a type this contract version does not know. */
    public static Optional<Class<? extends IncidentEvent>> payloadType(String typeName) {
        return Optional.ofNullable(BY_NAME.get(typeName));
    }

    /** The type name under which a payload record is published. */
    public static String typeNameOf(Class<?> payloadType) {
        return BY_NAME.entrySet().stream()
                .filter(e -> e.getValue().equals(payloadType))
                .map(Map.Entry::getKey)
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("Not a published event: " + payloadType.getName()));
    }

    /** Every type name this contract version defines. */
    public static Set<String> all() {
        return BY_NAME.keySet();
    }
}
