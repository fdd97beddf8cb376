package org.incidentplatform.report.postmortem;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import org.incidentplatform.report.durations.DurationValue;

/** How the Markdown and HTML post-mortems write times and durations for people. */
final class ReadableTime {

    private static final DateTimeFormatter MINUTES = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private ReadableTime() {
    }

    /** "2026-11-21 10:47 +01:00", or "2026-11-21 09:47 UTC"; a dash when unknown. */
    static String at(String isoOffsetDateTime) {
        if (isoOffsetDateTime == null) {
            return "-";
        }
        OffsetDateTime time = OffsetDateTime.parse(isoOffsetDateTime);
        String offset = time.getOffset().equals(ZoneOffset.UTC) ? "UTC" : time.getOffset().getId();
        return MINUTES.format(time) + " " + offset;
    }

    /** "15h30m"; a dash when unknown. */
    static String duration(DurationValue value) {
        return value == null ? "-" : value.text();
    }
}
