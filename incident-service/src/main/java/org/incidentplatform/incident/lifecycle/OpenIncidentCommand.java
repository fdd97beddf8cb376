package org.incidentplatform.incident.lifecycle;

import java.time.Instant;
import java.util.List;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.incidentplatform.events.Severity;

/** Open a new incident; the id is chosen by the caller so that a retry cannot open a second one. */
record OpenIncidentCommand(
        @TargetAggregateIdentifier String incidentId,
        String title,
        String summary,
        Severity severity,
        List<String> services,
        Instant occurredAt) {
}
