package org.incidentplatform.notification.delivery;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code notifications.links}: where people open an incident from a message.
 *
 * @param timelineBaseUrl   timeline-service, serving {@code /api/v1/incidents/{id}/timeline}
 * @param postmortemBaseUrl report-service, serving {@code /api/v1/incidents/{id}/postmortem}
 */
@ConfigurationProperties("notifications.links")
record LinkProperties(@DefaultValue("http://localhost:8082") String timelineBaseUrl,
        @DefaultValue("http://localhost:8083") String postmortemBaseUrl) {
}
