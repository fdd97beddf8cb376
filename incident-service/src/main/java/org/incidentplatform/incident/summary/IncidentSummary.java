package org.incidentplatform.incident.summary;

import java.time.Instant;
import java.util.List;
import org.incidentplatform.events.Severity;
import org.incidentplatform.incident.lifecycle.IncidentStatus;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * An incident as a list or a detail view shows it.
 *
 * @param id        the incident id
 * @param version   sequence number of the last event applied, the aggregate version
 * @param openedAt  when the incident began
 * @param updatedAt when its last event was recorded
 */
@Document("incident_summaries")
public record IncidentSummary(
        @Id String id,
        String title,
        String summary,
        Severity severity,
        IncidentStatus status,
        List<String> services,
        Instant openedAt,
        Instant updatedAt,
        long version) {
}
