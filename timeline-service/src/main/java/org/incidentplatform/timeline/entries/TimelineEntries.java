package org.incidentplatform.timeline.entries;

import java.time.Instant;
import org.incidentplatform.consuming.ReceivedEvent;
import org.incidentplatform.events.IncidentOpened;

/** Turns a known incident event into the timeline entry a responder reads. */
final class TimelineEntries {

    private static final String TYPE_PREFIX = "org.incidentplatform.incident.";

    private TimelineEntries() {
    }

    /** The entry for an event whose payload this service could read. */
    static TimelineEntry from(ReceivedEvent event) {
        return from(event, event.payload().orElseThrow());
    }

    static TimelineEntry from(ReceivedEvent event, Object payload) {
        return switch (payload) {
            case IncidentOpened opened -> entry(event, opened.occurredAt(),
                    "Incident opened: %s (%s)".formatted(opened.title(), opened.severity()));
            // A type added to the contract before this switch learns it still belongs on the
            // timeline: a gap would mislead a post-mortem more than a plain sentence does.
            default -> entry(event, event.recordedAt(), "Incident " + kindOf(event.type()));
        };
    }

    /** {@code org.incidentplatform.incident.opened.v1} becomes {@code opened}. */
    static String kindOf(String typeName) {
        String kind = typeName.startsWith(TYPE_PREFIX) ? typeName.substring(TYPE_PREFIX.length()) : typeName;
        return kind.replaceFirst("\\.v\\d+$", "");
    }

    private static TimelineEntry entry(ReceivedEvent event, Instant occurredAt, String text) {
        return new TimelineEntry(event.eventId(), event.incidentId(), event.incidentSequence(),
                kindOf(event.type()), occurredAt, event.recordedAt(), event.actor(), text);
    }
}
