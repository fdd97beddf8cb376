package org.incidentplatform.report.pages;

import java.time.Instant;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * One delivery attempt of a page (a {@code page-*} channel) as notification-service reported it, for
 * the post-mortem's record of who was reached, how and when. Keyed by the delivery event's id, so
 * a redelivered record changes nothing.
 *
 * @param pageSequence the position of the page (PersonPaged) in the incident's history
 * @param delivered    true for NotificationDelivered, false for NotificationFailed
 * @param error        why it failed, null when delivered
 */
@Document("page_deliveries")
public record PageDelivery(@Id String eventId, String incidentId, long pageSequence, String channel, String target,
        int attempt, boolean delivered, String error, boolean willRetry, Instant occurredAt) {
}
