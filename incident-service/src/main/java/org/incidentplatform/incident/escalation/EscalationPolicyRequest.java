package org.incidentplatform.incident.escalation;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.incidentplatform.events.Severity;

/** An escalation policy as an admin writes it, for both create and replace. */
@Schema(example = """
        {"name": "Database", "rounds": 2, "severities": ["SEV1", "SEV2"],
         "steps": [{"targets": [{"type": "SCHEDULE", "id": "sch-3f1b2c4d5e6f"}], "acknowledgeWithin": "PT5M"},
                   {"targets": [{"type": "PERSON", "id": "per-9a8b7c6d5e4f"}, {"type": "TEAM", "id": "team-1a2b3c4d5e6f"}],
                    "acknowledgeWithin": "PT10M"}]}""")
record EscalationPolicyRequest(
        @NotBlank @Size(max = 100) String name,
        @Size(max = 1000) String description,
        @NotNull @Size(min = 1, max = 10) List<@Valid @NotNull PolicyStep> steps,
        @NotNull @Min(1) @Max(10) Integer rounds,
        @Size(max = 50) List<@NotBlank @Size(max = 40) String> integrationIds,
        @Size(max = 50) List<@NotBlank @Size(max = 100) String> services,
        @Size(max = 4) List<@NotNull Severity> severities) {

    EscalationPolicyRequest {
        integrationIds = integrationIds == null ? List.of() : List.copyOf(integrationIds);
        services = services == null ? List.of() : List.copyOf(services);
        severities = severities == null ? List.of() : List.copyOf(severities);
    }
}
