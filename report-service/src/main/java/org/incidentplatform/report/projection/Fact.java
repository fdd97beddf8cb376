package org.incidentplatform.report.projection;

import java.time.Instant;
import org.incidentplatform.events.IncidentEvent;

/**
 * A logged event with its typed payload, as the readers of the log (durations, timeline,
 * metrics) consume it.
 */
public record Fact(long sequence, Instant recordedAt, IncidentEvent event) {

    public Instant occurredAt() {
        return event.occurredAt();
    }
}
