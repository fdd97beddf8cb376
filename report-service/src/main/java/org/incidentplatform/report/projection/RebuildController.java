package org.incidentplatform.report.projection;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.incidentplatform.report.web.ApiExamples;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Administration", description = "Operating the report projection")
class RebuildController {

    private final ProjectionRebuild rebuild;

    RebuildController(ProjectionRebuild rebuild) {
        this.rebuild = rebuild;
    }

    @PostMapping("/api/v1/admin/projection/rebuild")
    @Operation(summary = "Wipe the reports and replay the incident topic from its start",
            description = "Answers 202 once the projection is cleared and the replay has started; reports "
                    + "reappear as the replay catches up to the end offsets captured at the start (replayUntil). "
                    + "Refused with 409 while other instances consume in the same group.")
    @ApiResponse(responseCode = "202", description = "Cleared; the replay is under way", content = @Content(
            mediaType = "application/json", examples = @ExampleObject(value = ApiExamples.REBUILD)))
    ResponseEntity<ProjectionRebuild.Replay> rebuild() {
        return ResponseEntity.status(HttpStatus.ACCEPTED).body(rebuild.rebuild());
    }

    @ExceptionHandler(ProjectionRebuild.GroupBusyException.class)
    ProblemDetail groupBusy(ProjectionRebuild.GroupBusyException busy) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, busy.getMessage());
        problem.setTitle("Consumer group busy");
        return problem;
    }
}
