package org.incidentplatform.timeline.rebuild;

import static org.incidentplatform.timeline.web.ApiExamples.PROBLEM_JSON;
import static org.incidentplatform.timeline.web.ApiExamples.PROBLEM_SCHEMA;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import java.net.URI;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.incidentplatform.timeline.web.ApiExamples;
import org.incidentplatform.timeline.web.Problems;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/** The operator's handle on {@link ProjectionRebuild}; admin scope, by the shared rule for /api/v1/admin/**. */
@RestController
class RebuildController {

    static final String PATH = "/api/v1/admin/projection/rebuild";

    private final ProjectionRebuild rebuild;
    private final RebuildProperties properties;

    RebuildController(ProjectionRebuild rebuild, RebuildProperties properties) {
        this.rebuild = rebuild;
        this.properties = properties;
    }

    @Operation(summary = "Wipe the timeline projection and rebuild it from both topics",
            description = "Safe while the service runs: the listeners are stopped, the consumer group rewound, the "
                    + "collection emptied and the listeners restarted; the call answers 200 once the replay reached the "
                    + "end offsets captured at its start, or 202 with a Location to poll if that takes longer than "
                    + "`timeline.rebuild.answer-within` (60 s by default).")
    @ApiResponse(responseCode = "200", description = "Rebuilt", content = @Content(mediaType = "application/json",
            schema = @Schema(implementation = RebuildStatus.class), examples = @ExampleObject(value = ApiExamples.REBUILD_DONE)))
    @ApiResponse(responseCode = "202", description = "Still replaying; poll the Location", content = @Content(
            mediaType = "application/json", schema = @Schema(implementation = RebuildStatus.class),
            examples = @ExampleObject(value = ApiExamples.REBUILD_RUNNING)))
    @ApiResponse(responseCode = "409", description = "A rebuild is already running", content = @Content(
            mediaType = PROBLEM_JSON, schema = @Schema(ref = PROBLEM_SCHEMA), examples = @ExampleObject(value = ApiExamples.REBUILD_CONFLICT)))
    @ApiResponse(responseCode = "503", description = "The rebuild failed; listeners restarted", content = @Content(
            mediaType = PROBLEM_JSON, schema = @Schema(ref = PROBLEM_SCHEMA), examples = @ExampleObject(value = ApiExamples.REBUILD_FAILED)))
    @PostMapping(PATH)
    ResponseEntity<RebuildStatus> rebuild() throws InterruptedException {
        var run = rebuild.start();
        try {
            return ResponseEntity.ok(run.get(properties.answerWithin().toMillis(), TimeUnit.MILLISECONDS));
        } catch (TimeoutException stillRunning) {
            return ResponseEntity.accepted().location(URI.create(PATH)).body(rebuild.status());
        } catch (ExecutionException failed) {
            throw Problems.unavailable("Rebuild failed", rebuild.status().detail(), 5);
        }
    }

    @Operation(summary = "The state of the current or last rebuild")
    @ApiResponse(responseCode = "200", description = "The status", content = @Content(mediaType = "application/json",
            schema = @Schema(implementation = RebuildStatus.class), examples = @ExampleObject(value = ApiExamples.REBUILD_RUNNING)))
    @GetMapping(PATH)
    RebuildStatus status() {
        return rebuild.status();
    }
}
