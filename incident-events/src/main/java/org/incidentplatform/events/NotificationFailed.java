package org.incidentplatform.events;

import java.time.Instant;

/**
 * An attempt to notify failed.
 *
 * @param deliveryId      the (incident event, channel, target) triple this attempt belongs to
 * @param incidentId      the incident
 * @param incidentEventId the incident event that was being notified
 * @param channel         slack, email, teams, webhook or log
 * @param target          where it was meant to go
 * @param attempt         1 for the first try
 * @param responseCode    the receiver's status code where there was one, else null
 * @param latencyMillis   how long the attempt took
 * @param error           what went wrong, short and free of secrets
 * @param willRetry       true when another attempt is scheduled
 * @param deadLettered    true when no more attempts will be made (the fallback channel, if any, takes over)
 * @param occurredAt      when the attempt failed
 */
public record NotificationFailed(
        String deliveryId,
        String incidentId,
        String incidentEventId,
        String channel,
        String target,
        int attempt,
        Integer responseCode,
        long latencyMillis,
        String error,
        boolean willRetry,
        boolean deadLettered,
        Instant occurredAt) implements DeliveryEvent {
}
