package org.incidentplatform.incident.people;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * One change to a person or team, append-only: who did it, when, and the record before and after,
 * so an admin can answer "who removed Ada from the database team, and when".
 *
 * @param subjectId the person or team id
 * @param action    CREATED, UPDATED, DEACTIVATED or DELETED
 */
@Document("roster_changes")
record RosterChange(@Id String id, java.time.Instant at, String actor, String subjectId, String action,
        Object before, Object after) {
}
