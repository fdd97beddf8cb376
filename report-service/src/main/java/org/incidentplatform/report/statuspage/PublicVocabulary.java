package org.incidentplatform.report.statuspage;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import org.incidentplatform.events.ComponentStatus;
import org.incidentplatform.events.IncidentStatus;
import org.incidentplatform.events.Severity;

/** How the incident model is said in Statuspage's words. */
final class PublicVocabulary {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSX")
            .withZone(ZoneOffset.UTC);

    private PublicVocabulary() {
    }

    /** operational, degraded_performance, partial_outage, major_outage. */
    static String component(ComponentStatus status) {
        return status.name().toLowerCase(Locale.ROOT);
    }

    /**
     * Before anyone has said what is wrong (triggered, acknowledged) the public sees
     * "investigating"; a closed incident has its post-mortem complete: "postmortem".
     */
    static String incident(IncidentStatus status) {
        return switch (status) {
            case TRIGGERED, ACKNOWLEDGED, INVESTIGATING -> "investigating";
            case IDENTIFIED -> "identified";
            case MONITORING -> "monitoring";
            case RESOLVED -> "resolved";
            case CLOSED -> "postmortem";
        };
    }

    /** SEV1 critical, SEV2 major, SEV3 minor, SEV4 none. */
    static String impact(Severity severity) {
        if (severity == null) {
            return "none";
        }
        return switch (severity) {
            case SEV1 -> "critical";
            case SEV2 -> "major";
            case SEV3 -> "minor";
            case SEV4 -> "none";
        };
    }

    /** The page indicator a component status raises: degraded minor, partial outage major, major outage critical. */
    static int indicatorRank(ComponentStatus status) {
        return status.ordinal();
    }

    static int indicatorRank(String impact) {
        return switch (impact) {
            case "critical" -> 3;
            case "major" -> 2;
            case "minor" -> 1;
            default -> 0;
        };
    }

    static String indicator(int rank) {
        return switch (rank) {
            case 3 -> "critical";
            case 2 -> "major";
            case 1 -> "minor";
            default -> "none";
        };
    }

    /** Statuspage's own descriptions of its indicators. */
    static String description(String indicator) {
        return switch (indicator) {
            case "critical" -> "Major System Outage";
            case "major" -> "Partial System Outage";
            case "minor" -> "Minor Service Outage";
            default -> "All Systems Operational";
        };
    }

    static String time(Instant instant) {
        return instant == null ? null : TIME.format(instant);
    }
}
