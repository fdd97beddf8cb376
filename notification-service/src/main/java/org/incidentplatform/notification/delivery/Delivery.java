package org.incidentplatform.notification.delivery;

import java.time.Instant;
import org.incidentplatform.notification.channel.Notification;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * The record of one notification to one target of one channel.
 *
 * @param id          {@code <eventId>:<channel>:<target>}, the idempotency key
 * @param attempts    how many times sending was started
 * @param createdAt   when the delivery was first claimed
 * @param deliveredAt when the channel accepted it, null until then
 * @param message     the text that was (or is being) sent
 * @param lastError   why the last attempt failed, null unless it did
 */
@Document("deliveries")
record Delivery(
        @Id String id,
        String incidentId,
        String eventId,
        String eventType,
        String channel,
        String target,
        DeliveryStatus status,
        int attempts,
        Instant createdAt,
        Instant deliveredAt,
        String message,
        String lastError) {

    static String idOf(String channel, Notification notification) {
        return notification.eventId() + ":" + channel + ":" + notification.target();
    }

    static Delivery firstAttempt(String channel, Notification notification, Instant now) {
        return new Delivery(idOf(channel, notification), notification.incidentId(), notification.eventId(),
                notification.eventType(), channel, notification.target(), DeliveryStatus.PENDING, 1, now, null,
                notification.text(), null);
    }
}
