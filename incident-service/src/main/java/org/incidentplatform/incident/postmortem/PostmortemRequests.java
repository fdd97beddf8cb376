package org.incidentplatform.incident.postmortem;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import org.hibernate.validator.constraints.URL;
import org.incidentplatform.events.ActionItem;
import org.incidentplatform.events.ComponentStatus;

/** Request bodies of the post-mortem endpoints. */
final class PostmortemRequests {

    private PostmortemRequests() {
    }

    record ComponentImpactRequest(@NotBlank @Size(max = 100) String component, @NotNull ComponentStatus status) {
    }

    record DataLossRequest(boolean occurred, @Size(max = 5_000) String description) {
    }

    @Schema(example = """
            {"components": [{"component": "API", "status": "major_outage"},
                            {"component": "Customer platform", "status": "partial_outage"},
                            {"component": "Short links", "status": "degraded_performance"}],
             "customerImpact": "API requests failed; the customer platform was slow.",
             "customersAffected": 1200,
             "dataLoss": {"occurred": true, "description": "API requests made during the outage were lost"},
             "impactStartedAt": "2026-11-21T10:02:00+01:00", "impactEndedAt": "2026-11-21T16:15:00+01:00"}""")
    record ImpactRequest(
            @NotNull @Size(max = 100) List<@Valid @NotNull ComponentImpactRequest> components,
            @Size(max = 10_000) String customerImpact,
            @PositiveOrZero Long customersAffected,
            @Valid DataLossRequest dataLoss,
            OffsetDateTime impactStartedAt,
            OffsetDateTime impactEndedAt) {
    }

    @Schema(example = """
            {"summary": "The failover IP became unreachable and every API request failed.",
             "rootCause": "The failover IP was still routed to the retired router.",
             "contributingFactors": ["No monitoring of the failover IP"],
             "whatWentWell": ["Diagnosis took 40 minutes"], "whatWentWrong": ["Requests were lost"],
             "lessons": ["Test failover every quarter"]}""")
    record PostmortemRequest(
            @Size(max = 20_000) String summary,
            @Size(max = 20_000) String rootCause,
            @Size(max = 100) List<@NotBlank @Size(max = 2_000) String> contributingFactors,
            @Size(max = 100) List<@NotBlank @Size(max = 2_000) String> whatWentWell,
            @Size(max = 100) List<@NotBlank @Size(max = 2_000) String> whatWentWrong,
            @Size(max = 100) List<@NotBlank @Size(max = 2_000) String> lessons) {
    }

    @Schema(example = """
            {"title": "Alert on failover IP reachability", "owner": "dave", "dueDate": "2026-12-05",
             "category": "detection", "term": "short", "link": "https://tracker.example/OPS-1"}""")
    record ActionItemRequest(
            @NotBlank @Size(max = 500) String title,
            @Size(max = 100) String owner,
            LocalDate dueDate,
            @NotNull ActionItem.Category category,
            @NotNull ActionItem.Term term,
            ActionItem.Status status,
            @URL(regexp = "^https?:.*") @Size(max = 2_000) String link) {
    }

    @Schema(example = "{\"status\": \"done\"}")
    record ActionItemPatch(
            @Size(min = 1, max = 500) String title,
            @Size(max = 100) String owner,
            LocalDate dueDate,
            ActionItem.Category category,
            ActionItem.Term term,
            ActionItem.Status status,
            @URL(regexp = "^https?:.*") @Size(max = 2_000) String link) {
    }
}
