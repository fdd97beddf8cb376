package org.incidentplatform.incident.escalation;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import org.incidentplatform.incident.view.IncidentViewRepository;
import org.incidentplatform.incident.web.NotFound;
import org.incidentplatform.incident.web.ProblemDetails;
import org.incidentplatform.incident.web.RequestOrigin;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * Pages someone by hand for an open incident, outside any policy: a person, a schedule's on-call
 * or a team, as Slack's "Page someone" does. The pages are escalation step 0 ("paged by hand") and
 * reach people through their contact methods like any page.
 */
@RestController
@Tag(name = "Escalation policies")
class IncidentPagesController {

    private final ManualPaging paging;
    private final IncidentViewRepository views;

    IncidentPagesController(ManualPaging paging, IncidentViewRepository views) {
        this.paging = paging;
        this.views = views;
    }

    @PostMapping("/api/v1/incidents/{incidentId}/pages")
    @Operation(summary = "Page a person, a schedule's on-call or a team now",
            description = "Only while the incident is open (409 otherwise). 422 when the target reaches nobody "
                    + "(nobody on call, a deactivated person, an empty team); then nothing is recorded.")
    ResponseEntity<ManualPaging.Outcome> page(@PathVariable String incidentId, @Valid @RequestBody StepTarget target,
            HttpServletRequest request) {
        if (views.find(incidentId).isEmpty()) {
            throw NotFound.incident(incidentId);
        }
        ManualPaging.Outcome outcome = paging.page(incidentId, new ManualPaging.Target(target.type().name(), target.id()),
                RequestOrigin.of(request));
        if (outcome.paged().isEmpty()) {
            // The reasons name our own people and schedules, and the target id (at most 40 characters).
            ProblemDetail problem = ProblemDetails.problem(HttpStatus.UNPROCESSABLE_CONTENT, "Nobody to page",
                    "Nobody was paged: " + String.join("; ", outcome.unreached()) + ".");
            throw new ErrorResponseException(HttpStatus.UNPROCESSABLE_CONTENT, problem, null);
        }
        return ResponseEntity.ok(outcome);
    }
}
