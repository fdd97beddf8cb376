package org.incidentplatform.report.postmortem;

import java.time.Instant;
import java.util.List;
import org.incidentplatform.events.Severity;

/**
 * A post-mortem document: a header that identifies the incident, then one property per section
 * of the template every post-mortem shares. Only the summary can be filled from the events
 * published so far; timeline, root cause, impact, duration, resolution, lessons and action items
 * join it as further sections when their events exist.
 */
record Postmortem(
        String incidentId,
        String title,
        Severity severity,
        List<String> services,
        Instant openedAt,
        Summary summary) {

    /** What happened, in the opener's words; {@code text} is null when none was given. */
    record Summary(String text) {
    }

    static Postmortem of(IncidentReport report) {
        return new Postmortem(report.incidentId(), report.title(), report.severity(), report.services(),
                report.openedAt(), new Summary(report.summary()));
    }
}
