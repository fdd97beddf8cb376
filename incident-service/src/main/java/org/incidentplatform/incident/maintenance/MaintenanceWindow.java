package org.incidentplatform.incident.maintenance;

import java.time.Instant;
import java.util.List;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A planned period of work on some services: incidents of those services opened during it are
 * recorded but page nobody, and the status page announces it ahead.
 *
 * @param version     raised by every change; the ETag
 * @param unpublished this version is not on the maintenance topic yet: set by every change and
 *                    cleared by {@link MaintenancePublisher} once Kafka has it (an outbox in the document)
 */
@Document("maintenance_windows")
record MaintenanceWindow(@Id String id, String title, String description, List<String> services, Instant startsAt,
        Instant endsAt, boolean cancelled, String changedBy, long version, boolean unpublished, Instant createdAt,
        Instant updatedAt) {

    boolean covers(Instant at, List<String> incidentServices) {
        return !cancelled && !at.isBefore(startsAt) && at.isBefore(endsAt)
                && services.stream().anyMatch(s -> incidentServices.stream().anyMatch(s::equalsIgnoreCase));
    }
}
