package org.incidentplatform.events;

import java.time.Instant;

/**
 * A note was recorded, internal to responders or public; may record a back-dated fact.
 *
 * @param incidentId the incident
 * @param noteId unique within the incident
 * @param text the note, plain text
 * @param visibility who may read it
 * @param occurredAt when the noted fact happened
 */
public record NoteAdded(
        String incidentId,
        String noteId,
        String text,
        Visibility visibility,
        Instant occurredAt) implements IncidentEvent {
}
