package org.incidentplatform.events;

import java.time.Instant;

/**
 * Every incident event: it belongs to one incident and records when its fact happened.
 * {@code occurredAt} may lie before the time the event was recorded (a back-dated fact in a
 * post-mortem written the next day); the recording time travels in the envelope.
 */
public sealed interface IncidentEvent permits
        IncidentOpened, IncidentAcknowledged, StatusUpdated, SeverityChanged, CommanderAssigned,
        ResponderAdded, ResponderRemoved, NoteAdded, ImpactAssessed, IncidentMitigated,
        IncidentResolved, IncidentReopened, PostmortemUpdated, ActionItemAdded, ActionItemUpdated,
        IncidentClosed, AlertAttached, AlertResolved, EscalationStarted, EscalationStepReached, PersonPaged,
        EscalationStopped {

    String incidentId();

    Instant occurredAt();
}
