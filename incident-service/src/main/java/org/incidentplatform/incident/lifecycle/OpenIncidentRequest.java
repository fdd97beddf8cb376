package org.incidentplatform.incident.lifecycle;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.OffsetDateTime;
import java.util.List;
import org.incidentplatform.events.Severity;

/** What a person or script sends to open an incident by hand. */
@Schema(example = """
        {"title": "DNS records missing after provider switch", "severity": "SEV1",
         "summary": "Workers cannot resolve the manager hostname.", "services": ["api", "workers"]}""")
record OpenIncidentRequest(
        @NotBlank @Size(max = 200) String title,
        @NotNull Severity severity,
        @Size(max = 10_000) String summary,
        @Size(max = 50) List<@NotBlank @Size(max = 100) String> services,
        @Schema(description = "When the incident began, any ISO-8601 offset; defaults to now")
        OffsetDateTime startedAt) {
}
