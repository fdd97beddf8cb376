package org.incidentplatform.notification.delivery;

import java.time.Instant;
import java.util.List;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * The record of one notification to one target of one channel: the unit of exactly-once.
 *
 * @param id               {@code <eventId>:<channel>:<target>}, the idempotency key
 * @param failures         failed attempts since it was created or last replayed
 * @param nextAttemptAt    when a worker may next send it
 * @param leaseUntil       a worker owns it until then; {@link Instant#EPOCH} when nobody does
 * @param sendingSince     set just before a send starts and cleared with its outcome: still set
 *                         under an expired lease means the service stopped mid-send
 * @param message          the text that is (or was) sent
 * @param cloudEvent       the consumed CloudEvent, kept for the channels that forward it (webhooks)
 * @param fallbackFor      the dead-lettered delivery this one replaces, or null
 * @param traceparent      W3C trace context of the consumed record's span, continued when sending; may be null
 * @param attempts         every attempt, oldest first
 */
@Document("deliveries")
public record Delivery(
        @Id String id,
        String incidentId,
        String eventId,
        String eventType,
        long incidentSequence,
        String correlationId,
        String traceparent,
        String channel,
        String target,
        DeliveryStatus status,
        int failures,
        Instant createdAt,
        Instant nextAttemptAt,
        Instant leaseUntil,
        Instant sendingSince,
        Instant deliveredAt,
        String message,
        String cloudEvent,
        String fallbackFor,
        String lastError,
        int replays,
        List<Attempt> attempts) {

    public Delivery {
        attempts = attempts == null ? List.of() : List.copyOf(attempts);
    }

    static String idOf(String eventId, String channel, String target) {
        return eventId + ":" + channel + ":" + target;
    }

    DeliveryKey key() {
        return new DeliveryKey(incidentId, channel, target);
    }

    int nextAttemptNumber() {
        return attempts.size() + 1;
    }

    /** A new delivery of the same event to another target, as the fallback of this one. */
    Delivery fallbackTo(String fallbackChannel, String fallbackTarget, Instant now) {
        return new Delivery(idOf(eventId, fallbackChannel, fallbackTarget), incidentId, eventId, eventType,
                incidentSequence, correlationId, traceparent, fallbackChannel, fallbackTarget, DeliveryStatus.PENDING, 0, now, now,
                Instant.EPOCH, null, null, message, cloudEvent, id, null, 0, List.of());
    }
}
