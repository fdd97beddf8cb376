package org.incidentplatform.report.metrics;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.IsoFields;
import java.util.List;
import java.util.Locale;
import org.incidentplatform.report.projection.IncidentReport;
import org.incidentplatform.report.web.BadRequest;

/** How incidents are grouped: by current severity, by each affected service, or by ISO week of their start. */
enum GroupBy {
    SEVERITY, SERVICE, WEEK;

    static final String NO_SERVICE = "(no service)";

    static GroupBy parse(String value) {
        if (value == null || value.isBlank()) {
            return SEVERITY;
        }
        try {
            return valueOf(value.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException unknown) {
            throw BadRequest.parameter("groupBy", "groupBy must be one of severity, service, week");
        }
    }

    /** The groups an incident counts in; an incident counts once in each of its services. */
    List<String> keysOf(IncidentReport report) {
        return switch (this) {
            case SEVERITY -> List.of(report.severity() == null ? "UNKNOWN" : report.severity().name());
            case SERVICE -> report.services().isEmpty() ? List.of(NO_SERVICE) : report.services().stream().distinct().toList();
            case WEEK -> List.of(week(report.startedAt()));
        };
    }

    /** "2026-W47": the ISO week, in UTC, that contains the instant. */
    static String week(Instant instant) {
        var date = instant.atZone(ZoneOffset.UTC).toLocalDate();
        return String.format("%d-W%02d", date.get(IsoFields.WEEK_BASED_YEAR), date.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR));
    }

    String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
