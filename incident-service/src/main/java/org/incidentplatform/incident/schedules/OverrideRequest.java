package org.incidentplatform.incident.schedules;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import org.incidentplatform.incident.web.InvalidRequestException;

/** Someone covering a schedule for a while: a swap, a holiday, a sick day. */
@Schema(example = """
        {"personId": "per-9a8b7c6d5e4f", "start": "2026-12-24T18:00:00+01:00", "end": "2026-12-27T09:00:00+01:00",
         "reason": "Ada is away over Christmas"}""")
record OverrideRequest(
        @NotBlank @Size(max = 40) String personId,
        @NotNull OffsetDateTime start,
        @NotNull OffsetDateTime end,
        @Size(max = 500) String reason) {

    static final Duration LONGEST = Duration.ofDays(93);

    void validate(Instant now) {
        if (!end.isAfter(start)) {
            throw new InvalidRequestException("end must be after start");
        }
        if (Duration.between(start, end).compareTo(LONGEST) > 0) {
            throw new InvalidRequestException("An override lasts at most 93 days; change the layers for longer");
        }
        if (!end.toInstant().isAfter(now)) {
            throw new InvalidRequestException(
                    "The override ends in the past; who was on call then is history and is not rewritten");
        }
    }
}
