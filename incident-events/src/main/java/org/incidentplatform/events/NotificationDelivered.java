package org.incidentplatform.events;

import java.time.Instant;

/**
 * A notification reached its target.
 *
 * @param deliveryId      the (incident event, channel, target) triple this attempt belongs to
 * @param incidentId      the incident
 * @param incidentEventId the incident event that was notified
 * @param channel         slack, email, teams, webhook or log
 * @param target          where it went, as people know it: "#ops", "oncall@example.com", a webhook name
 * @param attempt         1 for the first try
 * @param responseCode    the receiver's status code where the channel has one, else null
 * @param latencyMillis   how long the send took
 * @param occurredAt      when it was delivered
 */
public record NotificationDelivered(
        String deliveryId,
        String incidentId,
        String incidentEventId,
        String channel,
        String target,
        int attempt,
        Integer responseCode,
        long latencyMillis,
        Instant occurredAt) implements DeliveryEvent {
}
