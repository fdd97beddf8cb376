package org.incidentplatform.report.maintenance;

import java.time.Instant;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.incidentplatform.consuming.UnreadableEventException;
import org.incidentplatform.events.MaintenanceWindowChanged;
import org.incidentplatform.events.Topics;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * Follows the maintenance topic (compacted: every window's latest state) into the status page's
 * schedule. Offsets are committed after the write; unreadable records are dead-lettered by the
 * shared error handler.
 */
@Component
class MaintenanceListener {

    static final String GROUP_ID = "report-service-maintenance";
    private final JsonMapper json;
    private final MaintenanceSchedule schedule;

    MaintenanceListener(JsonMapper json, MaintenanceSchedule schedule) {
        this.json = json;
        this.schedule = schedule;
    }

    @KafkaListener(id = "report-maintenance", topics = Topics.MAINTENANCE_WINDOWS, groupId = GROUP_ID, batch = "true")
    void on(List<ConsumerRecord<String, String>> records) {
        for (ConsumerRecord<String, String> record : records) {
            MaintenanceWindowChanged changed;
            try {
                changed = json.readValue(record.value(), MaintenanceWindowChanged.class);
            } catch (JacksonException | IllegalArgumentException unreadable) {
                throw new UnreadableEventException("Not a readable maintenance window: " + unreadable.getMessage(), unreadable);
            }
            if (changed.windowId() == null || changed.startsAt() == null || changed.endsAt() == null) {
                throw new UnreadableEventException("A maintenance window needs an id, a start and an end", null);
            }
            schedule.record(new ScheduledMaintenance(changed.windowId(), changed.title(), changed.description(),
                    changed.services(), changed.startsAt(), changed.endsAt(), changed.cancelled(), changed.version(),
                    changed.updatedAt(), Instant.now()));
        }
    }
}
