package org.incidentplatform.notification.channel;

import java.time.Instant;

/**
 * One incident event to tell a target about.
 *
 * @param deliveryId  {@code <eventId>:<channel>:<target>}
 * @param eventId     the CloudEvent id
 * @param eventType   its CloudEvents type name
 * @param sequence    its position in the incident's history
 * @param text        the update in words a responder reads (plain text, not yet escaped)
 * @param recordedAt  when this service recorded the delivery
 * @param cloudEvent  the CloudEvent JSON exactly as consumed (what webhooks receive)
 * @param fallbackFor the delivery this one replaces after it was dead-lettered, or null
 */
public record Update(String deliveryId, String eventId, String eventType, long sequence, String text,
        Instant recordedAt, String cloudEvent, String fallbackFor) {
}
