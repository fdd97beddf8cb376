package org.incidentplatform.notification.log;

import java.util.Set;
import org.incidentplatform.notification.channel.Dispatch;
import org.incidentplatform.notification.channel.NotificationChannel;
import org.incidentplatform.notification.channel.SendResult;
import org.incidentplatform.notification.channel.Update;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Writes each notification as one log line. The fields go both into the message, as
 * {@code key=value} pairs a person or grep can read, and into SLF4J key-value pairs, which
 * Spring Boot's structured formats ({@code logging.structured.format.console=logstash} or
 * {@code ecs}) emit as JSON fields.
 *
 * <p>On unless {@code notifications.log.enabled=false}: each line is a delivery like any other
 * (recorded, retried, published), so a deployment whose log lines nobody reads can drop that work.
 */
@Component
class LogChannel implements NotificationChannel {

    static final String NAME = "log";
    static final String TARGET = "default";

    private static final Logger log = LoggerFactory.getLogger(LogChannel.class);

    private final boolean enabled;

    LogChannel(@Value("${notifications.log.enabled:true}") boolean enabled) {
        this.enabled = enabled;
    }

    @Override
    public String name() {
        return NAME;
    }

    /** No target when switched off: the routing rules then skip {@code log:default} like any unconfigured target. */
    @Override
    public Set<String> targets() {
        return enabled ? Set.of(TARGET) : Set.of();
    }

    /** One line per update still; taking them together only saves the worker round trips. */
    @Override
    public boolean coalesces() {
        return true;
    }

    @Override
    public SendResult send(Dispatch dispatch) {
        for (Update update : dispatch.updates()) {
            log.atInfo()
                    .addKeyValue("channel", NAME)
                    .addKeyValue("target", dispatch.target())
                    .addKeyValue("incidentId", dispatch.incident().incidentId())
                    .addKeyValue("eventId", update.eventId())
                    .addKeyValue("eventType", update.eventType())
                    .addKeyValue("text", update.text())
                    .log("notification channel={} target={} incidentId={} eventId={} eventType={} text=\"{}\"",
                            NAME, dispatch.target(), dispatch.incident().incidentId(), update.eventId(),
                            update.eventType(), quoted(update.text()));
        }
        return SendResult.all(null, dispatch);
    }

    /** Keeps the line one line, and its quoting unambiguous, whatever the incident title holds. */
    private static String quoted(String text) {
        return text.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n").replace("\r", "\\r");
    }
}
