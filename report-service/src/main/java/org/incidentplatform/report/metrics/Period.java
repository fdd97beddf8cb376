package org.incidentplatform.report.metrics;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import org.incidentplatform.report.web.BadRequest;

/**
 * The period of the metrics: {@code from} inclusive, {@code to} exclusive. Each may be an instant
 * with offset (2026-11-01T00:00:00Z) or a date (2026-11-01, midnight UTC). Without {@code to}: now;
 * without {@code from}: 90 days before {@code to}.
 */
record Period(Instant from, Instant to) {

    static final Duration DEFAULT_LENGTH = Duration.ofDays(90);
    static final Duration LONGEST = Duration.ofDays(3660);

    static Period parse(String from, String to, Clock clock) {
        Instant end = to == null || to.isBlank() ? clock.instant() : instant("to", to);
        Instant start = from == null || from.isBlank() ? end.minus(DEFAULT_LENGTH) : instant("from", from);
        if (!start.isBefore(end)) {
            throw BadRequest.parameter("from", "from (" + start + ") must be before to (" + end + ")");
        }
        if (Duration.between(start, end).compareTo(LONGEST) > 0) {
            throw BadRequest.parameter("from", "A period spans at most " + LONGEST.toDays() + " days");
        }
        return new Period(start, end);
    }

    private static Instant instant(String name, String value) {
        String v = value.strip();
        try {
            return v.length() <= 10 ? LocalDate.parse(v).atStartOfDay(ZoneOffset.UTC).toInstant()
                    : OffsetDateTime.parse(v).toInstant();
        } catch (DateTimeParseException e) {
            throw BadRequest.parameter(name, name + " must be a date (2026-11-01) or a date-time with offset "
                    + "(2026-11-01T00:00:00Z)");
        }
    }
}
