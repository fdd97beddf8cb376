package org.incidentplatform.incident.maintenance;

import java.util.List;
import java.util.concurrent.TimeUnit;
import org.incidentplatform.events.MaintenanceWindowChanged;
import org.incidentplatform.events.Topics;
import org.incidentplatform.incident.periodic.PeriodicWork;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Puts every change of a maintenance window on its topic: a window written with {@code unpublished}
 * is sent (the whole state, keyed by window id) and marked published only once Kafka acknowledged
 * it, and only if no newer change came meanwhile. So a change is never lost to a broker outage (it
 * is sent when the broker is back) and never published without being stored first. Runs every
 * second on each instance; a window sent twice is harmless (consumers keep the highest version).
 */
@Component
class MaintenancePublisher extends PeriodicWork {

    private static final Logger log = LoggerFactory.getLogger(MaintenancePublisher.class);
    private final MaintenanceWindows windows;
    private final KafkaTemplate<String, String> kafka;
    private final JsonMapper json;

    MaintenancePublisher(MaintenanceWindows windows, KafkaTemplate<String, String> kafka, JsonMapper json) {
        super("maintenance-publisher", java.time.Duration.ofSeconds(1));
        this.windows = windows;
        this.kafka = kafka;
        this.json = json;
    }

    @Override
    protected void runOnce() {
        try {
            List<MaintenanceWindow> pending = windows.unpublished(100);
            for (MaintenanceWindow window : pending) {
                MaintenanceWindowChanged changed = new MaintenanceWindowChanged(window.id(), window.title(),
                        window.description(), window.services(), window.startsAt(), window.endsAt(), window.cancelled(),
                        window.version(), window.updatedAt());
                kafka.send(Topics.MAINTENANCE_WINDOWS, window.id(), json.writeValueAsString(changed)).get(20, TimeUnit.SECONDS);
                windows.markPublished(window);
            }
        } catch (InterruptedException stopping) {
            Thread.currentThread().interrupt();
        } catch (Exception unavailable) {
            log.warn("Maintenance windows could not be published, retrying in 1 s: {}", unavailable.toString());
        }
    }

    /** Sends at once after an API change rather than at the next tick. */
    void wakeUp() {
        runSoon();
    }
}
