package org.incidentplatform.report.postmortem;

import java.time.Instant;
import java.util.List;
import org.incidentplatform.events.Severity;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * What the report service knows about one incident, as stored.
 *
 * @param incidentId          the document's {@code _id}
 * @param lastAppliedSequence incident sequence of the newest event applied; events at or
 *                            below it have been applied already and are ignored
 */
@Document("incident_reports")
record IncidentReport(
        @Id String incidentId,
        String title,
        String summary,
        Severity severity,
        List<String> services,
        Instant openedAt,
        long lastAppliedSequence) {
}
