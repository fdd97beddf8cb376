package org.incidentplatform.timeline.rendering;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import org.incidentplatform.timeline.entries.TimelineEntry;

/**
 * A timeline entry as readers receive it: times rendered in the requested zone as ISO-8601
 * with offset, always with milliseconds (the stored precision), so equal data renders to equal
 * text.
 */
public record EntryView(
        String eventId,
        String incidentId,
        long incidentSequence,
        String kind,
        String visibility,
        String occurredAt,
        String recordedAt,
        String actor,
        String text) {

    private static final DateTimeFormatter ISO_WITH_OFFSET = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSXXX");

    public static EntryView of(TimelineEntry entry, ZoneId zone) {
        return new EntryView(entry.eventId(), entry.incidentId(), entry.incidentSequence(), entry.kind(),
                entry.visibility() == null ? null : entry.visibility().name(),
                format(entry.occurredAt(), zone), format(entry.recordedAt(), zone), entry.actor(), entry.text());
    }

    public static String format(Instant instant, ZoneId zone) {
        return instant == null ? null : ISO_WITH_OFFSET.format(instant.atZone(zone));
    }
}
