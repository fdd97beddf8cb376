package org.incidentplatform.incident.summary;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Serves incident summaries. */
@RestController
@RequestMapping("/api/v1/incidents")
@Tag(name = "Incidents")
class IncidentQueryController {

    private final IncidentSummaryRepository summaries;

    IncidentQueryController(IncidentSummaryRepository summaries) {
        this.summaries = summaries;
    }

    @GetMapping("/{incidentId}")
    @Operation(summary = "Get an incident", description = "404 when no incident has this id.")
    IncidentSummary get(@PathVariable String incidentId) {
        return summaries.find(incidentId).orElseThrow(() -> notFound(incidentId));
    }

    static ErrorResponseException notFound(String incidentId) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND,
                "No incident has the id '" + (incidentId.length() > 100 ? incidentId.substring(0, 100) : incidentId) + "'.");
        problem.setTitle("Incident not found");
        return new ErrorResponseException(HttpStatus.NOT_FOUND, problem, null);
    }
}
