package org.incidentplatform.notification.channel;

import java.util.List;

/**
 * The incident as notification-service knows it when a message is sent: what a chat parent
 * message or an e-mail shows as the current state. Fields are null while unknown (for example
 * when the service joined the topic after the incident was opened).
 *
 * @param timelineUrl   where people follow the incident
 * @param postmortemUrl where its post-mortem is
 */
public record IncidentSnapshot(String incidentId, String title, String summary, String severity, String status,
        List<String> services, String commander, String timelineUrl, String postmortemUrl) {

    public IncidentSnapshot {
        services = services == null ? List.of() : List.copyOf(services);
    }

    /** A headline that never says "null". */
    public String headline() {
        return title == null || title.isBlank() ? "Incident " + incidentId : title;
    }

    public String severityOrUnknown() {
        return severity == null ? "unknown severity" : severity;
    }

    public String statusOrUnknown() {
        return status == null ? "UNKNOWN" : status;
    }
}
