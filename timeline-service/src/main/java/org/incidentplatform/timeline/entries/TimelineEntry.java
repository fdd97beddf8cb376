package org.incidentplatform.timeline.entries;

import java.time.Instant;
import org.incidentplatform.events.Visibility;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * One fact on an incident's timeline, stored under the id of the event it came from. Times are
 * kept at MongoDB's millisecond precision; a rebuild stores exactly the same values again.
 *
 * @param eventId          the CloudEvent id; the document's {@code _id}
 * @param incidentId       the incident it belongs to
 * @param incidentSequence position of the event in the incident's history; for a delivery entry,
 *                         the position of the incident event that was notified
 * @param kind             short readable kind, such as {@code opened} or {@code notification-failed}
 * @param visibility       whether the entry may be shown outside the response team
 * @param occurredAt       when it happened (may be back-dated)
 * @param recordedAt       when the producing service stored it
 * @param actor            who did it
 * @param text             a sentence a responder can read; plain text, never markup
 */
@Document("timeline_entries")
public record TimelineEntry(
        @Id String eventId,
        String incidentId,
        long incidentSequence,
        String kind,
        Visibility visibility,
        Instant occurredAt,
        Instant recordedAt,
        String actor,
        String text) {
}
