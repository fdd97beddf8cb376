package org.incidentplatform.incident.heartbeats;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Map;
import org.incidentplatform.incident.web.InvalidRequestException;

/** A heartbeat as an admin writes it, for both create and replace. */
@Schema(example = """
        {"name": "nightly-backup", "integrationId": "int-3f1b2c4d5e6f", "period": "PT24H", "grace": "PT30M",
         "labels": {"service": "backups", "severity": "critical"}}""")
record HeartbeatRequest(
        @NotBlank @Size(max = 100) @Pattern(regexp = "[A-Za-z0-9_.-]+") String name,
        @NotBlank @Size(max = 40) String integrationId,
        @NotBlank @Size(max = 20) String period,
        @Size(max = 20) String grace,
        @Size(max = 20) Map<@NotBlank @Size(max = 100) String, @NotNull @Size(max = 200) String> labels) {

    static final Duration SHORTEST_PERIOD = Duration.ofSeconds(1);
    static final Duration LONGEST_PERIOD = Duration.ofDays(31);

    HeartbeatRequest {
        labels = labels == null ? Map.of() : Map.copyOf(labels);
    }

    Duration periodDuration() {
        Duration value = parse("period", period);
        if (value.compareTo(SHORTEST_PERIOD) < 0 || value.compareTo(LONGEST_PERIOD) > 0) {
            throw new InvalidRequestException("period must be between PT1S and P31D");
        }
        return value;
    }

    Duration graceDuration() {
        Duration value = grace == null ? Duration.ZERO : parse("grace", grace);
        if (value.isNegative() || value.compareTo(LONGEST_PERIOD) > 0) {
            throw new InvalidRequestException("grace must be between PT0S and P31D");
        }
        return value;
    }

    private static Duration parse(String field, String text) {
        try {
            return Duration.parse(text);
        } catch (DateTimeParseException notIso) {
            throw new InvalidRequestException(field + " must be an ISO-8601 duration such as PT5M");
        }
    }
}
