package org.incidentplatform.incident.lifecycle;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import org.incidentplatform.events.ProgressStatus;
import org.incidentplatform.events.Severity;
import org.incidentplatform.events.Visibility;

/**
 * Request bodies of the lifecycle endpoints. Times accept any ISO-8601 offset
 * ({@code 2026-11-20T21:47:00-08:00}) and may lie in the past; they may not lie in the future.
 */
final class LifecycleRequests {

    private LifecycleRequests() {
    }

    static Instant instantOrNow(OffsetDateTime time) {
        return time == null ? Instant.now() : time.toInstant();
    }

    @Schema(example = """
            {"title": "DNS records missing after provider switch", "severity": "SEV1",
             "summary": "Workers cannot resolve the manager hostname.", "services": ["api", "workers"],
             "startedAt": "2026-11-21T09:40:00Z", "detectedAt": "2026-11-21T09:44:00Z", "commander": "alice"}""")
    record OpenIncidentRequest(
            @NotBlank @Size(max = 200) String title,
            @NotNull Severity severity,
            @Size(max = 10_000) String summary,
            @Size(max = 50) List<@NotBlank @Size(max = 100) String> services,
            @Schema(description = "When the incident began; defaults to now") @PastOrPresent OffsetDateTime startedAt,
            @Schema(description = "When it was noticed; defaults to now") @PastOrPresent OffsetDateTime detectedAt,
            @Size(max = 100) String commander) {
    }

    @Schema(example = "{\"occurredAt\": \"2026-11-21T10:02:00+01:00\"}")
    record OccurredAtRequest(@PastOrPresent OffsetDateTime occurredAt) {
    }

    @Schema(example = """
            {"status": "identified", "message": "The failover IP is unreachable; we are moving it.",
             "public": true, "occurredAt": "2026-11-21T10:41:00+01:00"}""")
    record StatusUpdateRequest(
            @NotNull ProgressStatus status,
            @NotBlank @Size(max = 5_000) String message,
            @Schema(description = "Shown on the public status page; default false") @JsonProperty("public") Boolean visibleToPublic,
            @PastOrPresent OffsetDateTime occurredAt) {
    }

    @Schema(example = "{\"severity\": \"SEV1\", \"reason\": \"All API traffic is affected\"}")
    record SeverityRequest(@NotNull Severity severity, @NotBlank @Size(max = 1_000) String reason,
            @PastOrPresent OffsetDateTime occurredAt) {
    }

    @Schema(example = "{\"commander\": \"alice\"}")
    record CommanderRequest(@NotBlank @Size(max = 100) String commander, @PastOrPresent OffsetDateTime occurredAt) {
    }

    @Schema(example = "{\"responder\": \"bob\"}")
    record ResponderRequest(@NotBlank @Size(max = 100) String responder, @PastOrPresent OffsetDateTime occurredAt) {
    }

    @Schema(example = """
            {"text": "9:47pm PST: router issue confirmed", "visibility": "internal",
             "occurredAt": "2026-11-20T21:47:00-08:00"}""")
    record NoteRequest(@NotBlank @Size(max = 10_000) String text, Visibility visibility,
            @PastOrPresent OffsetDateTime occurredAt) {
    }

    @Schema(example = "{\"resolution\": \"Failover IP re-attached to the standby router\", \"occurredAt\": \"2026-11-21T16:15:00+01:00\"}")
    record ResolveRequest(@NotBlank @Size(max = 5_000) String resolution, @PastOrPresent OffsetDateTime occurredAt) {
    }

    @Schema(example = "{\"reason\": \"Errors came back after the failover\"}")
    record ReopenRequest(@NotBlank @Size(max = 5_000) String reason, @PastOrPresent OffsetDateTime occurredAt) {
    }
}
