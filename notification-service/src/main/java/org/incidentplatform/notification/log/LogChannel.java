package org.incidentplatform.notification.log;

import org.incidentplatform.notification.channel.Notification;
import org.incidentplatform.notification.channel.NotificationChannel;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Writes each notification as one log line. The fields go both into the message, as
 * {@code key=value} pairs a person or grep can read, and into SLF4J key-value pairs, which
 * Spring Boot's structured formats ({@code logging.structured.format.console=logstash} or
 * {@code ecs}) emit as JSON fields.
 */
@Component
class LogChannel implements NotificationChannel {

    static final String NAME = "log";

    private static final Logger log = LoggerFactory.getLogger(LogChannel.class);

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public void send(Notification notification) {
        log.atInfo()
                .addKeyValue("channel", NAME)
                .addKeyValue("target", notification.target())
                .addKeyValue("incidentId", notification.incidentId())
                .addKeyValue("eventId", notification.eventId())
                .addKeyValue("eventType", notification.eventType())
                .addKeyValue("text", notification.text())
                .log("notification channel={} target={} incidentId={} eventId={} eventType={} text=\"{}\"",
                        NAME, notification.target(), notification.incidentId(), notification.eventId(),
                        notification.eventType(), quoted(notification.text()));
    }

    /** Keeps the line one line, and its quoting unambiguous, whatever the incident title holds. */
    private static String quoted(String text) {
        return text.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n").replace("\r", "\\r");
    }
}
