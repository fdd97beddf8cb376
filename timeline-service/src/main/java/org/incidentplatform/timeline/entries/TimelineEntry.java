package org.incidentplatform.timeline.entries;

import java.time.Instant;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * One fact on an incident's timeline, stored under the id of the event it came from.
 *
 * @param eventId          the CloudEvent id; the document's {@code _id}
 * @param incidentId       the incident it belongs to
 * @param incidentSequence position of the event in the incident's history
 * @param type             short readable kind, such as {@code opened}
 * @param occurredAt       when it happened (may be back-dated)
 * @param recordedAt       when incident-service stored it
 * @param actor            who did it
 * @param text             a sentence a responder can read
 */
@Document("timeline_entries")
record TimelineEntry(
        @Id String eventId,
        String incidentId,
        long incidentSequence,
        String type,
        Instant occurredAt,
        Instant recordedAt,
        String actor,
        String text) {
}
