package org.incidentplatform.incident.maintenance;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import org.incidentplatform.incident.web.InvalidRequestException;

/** A maintenance window as an admin plans it, for both create and replace. */
@Schema(example = """
        {"title": "Database upgrade", "description": "PostgreSQL 17; writes may pause for a minute.",
         "services": ["database", "API"], "startsAt": "2026-12-12T22:00:00+01:00", "endsAt": "2026-12-13T00:00:00+01:00"}""")
record MaintenanceRequest(
        @NotBlank @Size(max = 200) String title,
        @Size(max = 5000) String description,
        @NotNull @Size(min = 1, max = 50) List<@NotBlank @Size(max = 100) String> services,
        @NotNull OffsetDateTime startsAt,
        @NotNull OffsetDateTime endsAt) {

    static final Duration LONGEST = Duration.ofDays(31);

    void validate() {
        if (!endsAt.isAfter(startsAt)) {
            throw new InvalidRequestException("endsAt must be after startsAt");
        }
        if (Duration.between(startsAt, endsAt).compareTo(LONGEST) > 0) {
            throw new InvalidRequestException("A maintenance window lasts at most 31 days");
        }
        if (!endsAt.toInstant().isAfter(java.time.Instant.now())) {
            throw new InvalidRequestException("endsAt lies in the past: a maintenance window is planned ahead or running");
        }
    }
}
