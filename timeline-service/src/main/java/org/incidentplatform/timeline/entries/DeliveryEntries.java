package org.incidentplatform.timeline.entries;

import org.incidentplatform.consuming.ReceivedDelivery;
import java.time.Instant;
import java.util.Locale;
import org.incidentplatform.events.DeliveryEvent;
import org.incidentplatform.events.NotificationDelivered;
import org.incidentplatform.events.NotificationFailed;
import org.incidentplatform.events.Visibility;

/**
 * Turns a delivery outcome into a timeline entry: "Slack #ops notified", "Email to
 * oncall@example.com failed (attempt 3): SMTP connection timed out; no more attempts". Always
 * internal: who was paged, and how paging failed, is the response team's business.
 */
final class DeliveryEntries {

    private DeliveryEntries() {
    }

    static TimelineEntry from(ReceivedDelivery delivery) {
        DeliveryEvent payload = delivery.payload().orElseThrow();
        String text = switch (payload) {
            case NotificationDelivered d -> destination(d.channel(), d.target())
                    + (isPage(d.channel()) ? " delivered" : " notified");
            case NotificationFailed f -> "%s failed (attempt %d): %s%s".formatted(destination(f.channel(), f.target()),
                    f.attempt(), f.error() == null ? "unknown error" : f.error(),
                    f.willRetry() ? "; will retry" : "; no more attempts");
        };
        String kind = switch (payload) {
            case NotificationDelivered d -> "notification-delivered";
            case NotificationFailed f -> "notification-failed";
        };
        Instant occurredAt = payload.occurredAt() == null ? delivery.recordedAt() : payload.occurredAt();
        return new TimelineEntry(delivery.eventId(), delivery.incidentId(), delivery.incidentSequence(), kind,
                Visibility.INTERNAL, occurredAt, delivery.recordedAt(), delivery.actor(), text);
    }

    private static boolean isPage(String channel) {
        return channel != null && channel.startsWith("page-");
    }

    private static String destination(String channel, String target) {
        String name = channel == null || channel.isBlank() ? "notification" : channel.toLowerCase(Locale.ROOT);
        String label = switch (name) {
            case "slack" -> "Slack";
            case "email" -> "Email to";
            case "teams" -> "Teams";
            case "webhook" -> "Webhook";
            case "log" -> "Log";
            case "page-email" -> "Page by e-mail to";
            case "page-slack" -> "Page by Slack DM to";
            case "page-sms" -> "Page by SMS to";
            case "page-voice" -> "Page by phone call to";
            case "page-ntfy" -> "Page by push to";
            default -> Character.toUpperCase(name.charAt(0)) + name.substring(1);
        };
        return target == null || target.isBlank() ? label.replace(" to", "") : label + " " + target;
    }
}
