package org.incidentplatform.notification.channel;

/** A way of telling people about an incident: a log, a chat tool, e-mail. */
public interface NotificationChannel {

    /** Stable short name, part of every delivery id: never rename a channel in use. */
    String name();

    /**
     * Sends the notification, or throws. A throw marks the delivery as failed and lets the
     * event be retried; the channel itself need not retry.
     */
    void send(Notification notification);
}
