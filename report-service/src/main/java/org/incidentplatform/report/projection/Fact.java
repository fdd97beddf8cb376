package org.incidentplatform.report.projection;

import java.time.Instant;
import org.incidentplatform.events.IncidentEvent;

/**
 * A logged event with its typed payload, as the readers of the log (durations, timeline,
 * metrics) consume it, and who caused it (the API principal, the paged person, the escalation).
 */
public record Fact(long sequence, Instant recordedAt, IncidentEvent event, String actor) {

    public Fact(long sequence, Instant recordedAt, IncidentEvent event) {
        this(sequence, recordedAt, event, null);
    }

    public Instant occurredAt() {
        return event.occurredAt();
    }
}
