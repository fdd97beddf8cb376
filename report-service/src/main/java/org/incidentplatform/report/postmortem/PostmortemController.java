package org.incidentplatform.report.postmortem;

import jakarta.validation.constraints.Size;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

@RestController
class PostmortemController {

    private final ReportProjection projection;

    PostmortemController(ReportProjection projection) {
        this.projection = projection;
    }

    @GetMapping("/api/v1/incidents/{incidentId}/postmortem")
    Postmortem postmortem(@PathVariable @Size(max = 200) String incidentId) {
        return projection.reportOf(incidentId)
                .map(Postmortem::of)
                .orElseThrow(() -> new ErrorResponseException(HttpStatus.NOT_FOUND,
                        ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND,
                                "No post-mortem for incident " + incidentId), null));
    }
}
