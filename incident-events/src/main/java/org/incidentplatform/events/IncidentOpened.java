package org.incidentplatform.events;

import java.time.Instant;
import java.util.List;

/**
 * An incident was opened, by hand or from an alert.
 *
 * @param incidentId the incident's id, also the Kafka key and the CloudEvent subject
 * @param title      short headline, as a responder would say it
 * @param summary    optional longer description, may be null
 * @param severity   initial severity
 * @param services   affected services or components, possibly empty, never null
 * @param commander  who leads the response from the start, may be null
 * @param detectedAt when the problem was noticed, may be null (then: when it was recorded)
 * @param occurredAt when the incident began as far as the opener knows (may be back-dated)
 */
public record IncidentOpened(
        String incidentId,
        String title,
        String summary,
        Severity severity,
        List<String> services,
        String commander,
        Instant detectedAt,
        Instant occurredAt) implements IncidentEvent {

    public IncidentOpened {
        services = services == null ? List.of() : List.copyOf(services);
    }
}
