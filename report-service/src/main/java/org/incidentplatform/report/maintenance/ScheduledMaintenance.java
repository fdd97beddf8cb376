package org.incidentplatform.report.maintenance;

import java.time.Instant;
import java.util.List;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/** A maintenance window as the status page knows it: the latest version published by incident-service. */
@Document("scheduled_maintenances")
public record ScheduledMaintenance(@Id String id, String title, String description, List<String> services,
        Instant startsAt, Instant endsAt, boolean cancelled, long version, Instant updatedAt, Instant firstSeenAt) {

    /** Statuspage's words: scheduled, in_progress or completed. */
    public String status(Instant now) {
        if (now.isBefore(startsAt)) {
            return "scheduled";
        }
        return now.isBefore(endsAt) ? "in_progress" : "completed";
    }
}
