package org.incidentplatform.incident.people;

import java.time.Instant;
import java.util.List;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A named group of people, paged together by an escalation step or owning services.
 *
 * @param version raised by every change; the ETag
 */
@Document("teams")
public record Team(@Id String id, String name, String description, List<String> memberIds, long version,
        Instant createdAt, Instant updatedAt) {
}
