package org.incidentplatform.incident.schedules;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;

/**
 * An iCalendar (RFC 5545) document of shifts, written by hand because it is a dozen lines of a
 * simple format: CRLF line ends, lines folded at 75 octets, text escaped, times in UTC so that
 * every calendar shows them in its own zone.
 */
final class IcsCalendar {

    private static final DateTimeFormatter UTC = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);
    private final StringBuilder text = new StringBuilder();
    private final String stamp = UTC.format(Instant.now().truncatedTo(ChronoUnit.SECONDS));

    IcsCalendar(String name) {
        line("BEGIN:VCALENDAR");
        line("VERSION:2.0");
        line("PRODID:-//incident-platform//on-call schedules//EN");
        line("CALSCALE:GREGORIAN");
        line("METHOD:PUBLISH");
        line("X-WR-CALNAME:" + escape(name));
    }

    /** One shift; the uid is stable for the same shift, so a refreshed feed updates events instead of duplicating them. */
    IcsCalendar shift(String uid, Instant start, Instant end, String summary, String description) {
        line("BEGIN:VEVENT");
        line("UID:" + escape(uid) + "@incident-platform");
        line("DTSTAMP:" + stamp);
        line("DTSTART:" + UTC.format(start));
        line("DTEND:" + UTC.format(end));
        line("SUMMARY:" + escape(summary));
        line("DESCRIPTION:" + escape(description));
        line("TRANSP:OPAQUE");
        line("END:VEVENT");
        return this;
    }

    String end() {
        line("END:VCALENDAR");
        return text.toString();
    }

    /** RFC 5545 3.3.11: backslash, semicolon and comma escaped, line breaks as \n, other controls dropped. */
    static String escape(String value) {
        StringBuilder escaped = new StringBuilder();
        value.codePoints().forEach(c -> {
            switch (c) {
                case '\\' -> escaped.append("\\\\");
                case ';' -> escaped.append("\\;");
                case ',' -> escaped.append("\\,");
                case '\n' -> escaped.append("\\n");
                default -> {
                    if (!Character.isISOControl(c)) {
                        escaped.appendCodePoint(c);
                    }
                }
            }
        });
        return escaped.toString();
    }

    /** RFC 5545 3.1: a line longer than 75 octets continues on the next, which starts with a space. */
    private void line(String content) {
        int octets = 0;
        int limit = 75;
        for (int i = 0; i < content.length(); ) {
            int codePoint = content.codePointAt(i);
            int size = new String(Character.toChars(codePoint)).getBytes(StandardCharsets.UTF_8).length;
            if (octets + size > limit) {
                text.append("\r\n ");
                octets = 0;
                limit = 74;
            }
            text.appendCodePoint(codePoint);
            octets += size;
            i += Character.charCount(codePoint);
        }
        text.append("\r\n");
    }
}
