package org.incidentplatform.notification.delivery;

import java.util.List;
import org.incidentplatform.consuming.ReceivedEvent;
import org.incidentplatform.notification.channel.Notification;
import org.incidentplatform.notification.channel.NotificationChannel;
import org.springframework.stereotype.Component;

/** Sends every known incident event to every channel, each (event, channel, target) once. */
@Component
class NotificationDispatcher {

    /** The one target of a channel until routing rules choose targets per channel. */
    static final String DEFAULT_TARGET = "default";

    private final List<NotificationChannel> channels;
    private final DeliveryLog deliveries;

    NotificationDispatcher(List<NotificationChannel> channels, DeliveryLog deliveries) {
        this.channels = List.copyOf(channels);
        this.deliveries = deliveries;
    }

    /**
     * Tries every channel even when one fails, so a broken chat integration does not hold back
     * the others; then throws the first failure so that the event is retried, which re-sends
     * only the failed deliveries.
     */
    void on(ReceivedEvent event) {
        String text = NotificationTexts.of(event);
        RuntimeException firstFailure = null;
        for (NotificationChannel channel : channels) {
            var notification = new Notification(
                    event.incidentId(), event.eventId(), event.type(), DEFAULT_TARGET, text);
            try {
                deliver(channel, notification);
            } catch (RuntimeException failure) {
                if (firstFailure == null) {
                    firstFailure = failure;
                } else {
                    firstFailure.addSuppressed(failure);
                }
            }
        }
        if (firstFailure != null) {
            throw firstFailure;
        }
    }

    private void deliver(NotificationChannel channel, Notification notification) {
        if (!deliveries.claim(channel.name(), notification)) {
            return;
        }
        String deliveryId = Delivery.idOf(channel.name(), notification);
        try {
            channel.send(notification);
        } catch (RuntimeException failure) {
            deliveries.failed(deliveryId, failure);
            throw failure;
        }
        deliveries.delivered(deliveryId);
    }
}
