package org.incidentplatform.report.metrics;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Clock;
import org.incidentplatform.report.web.ApiExamples;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Metrics", description = "Time to detect, acknowledge, mitigate and resolve, recomputed from the event logs")
class MetricsController {

    private final MeasuredIncidents incidents;
    private final Clock clock;

    MetricsController(MeasuredIncidents incidents, Clock clock) {
        this.incidents = incidents;
        this.clock = clock;
    }

    @GetMapping(value = "/api/v1/metrics", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Incident counts and duration statistics for a period",
            description = "Incidents that began in [from, to). Every time is measured from the start of user impact "
                    + "(else the incident's start); statistics cover the incidents that have the duration.")
    @ApiResponse(responseCode = "200", description = "The metrics", content = @Content(
            mediaType = "application/json", schema = @Schema(implementation = IncidentMetrics.class),
            examples = @ExampleObject(value = ApiExamples.METRICS)))
    IncidentMetrics metrics(
            @Parameter(description = "Start, inclusive: a date or a date-time with offset; default 90 days before to",
                    example = "2026-11-01") @RequestParam(required = false) String from,
            @Parameter(description = "End, exclusive; default now", example = "2026-12-01T00:00:00Z")
            @RequestParam(required = false) String to,
            @Parameter(description = "severity, service or week", example = "severity")
            @RequestParam(required = false) String groupBy) {
        GroupBy grouping = GroupBy.parse(groupBy);
        Period period = Period.parse(from, to, clock);
        return MeasuredIncidents.metrics(incidents.between(period.from(), period.to()), period, grouping);
    }

    @GetMapping(value = "/api/v1/metrics/page", produces = MediaType.TEXT_HTML_VALUE)
    @Operation(summary = "The metrics as an HTML page with SVG charts",
            description = "Incidents per week by severity, weekly median time to resolve, top affected services. "
                    + "Needs incidents:read like the rest of the API; no scripts, styles from /assets/report.css.")
    @ApiResponse(responseCode = "200", description = "The page", content = @Content(mediaType = "text/html",
            examples = @ExampleObject(value = ApiExamples.METRICS_PAGE)))
    ResponseEntity<String> page(
            @Parameter(description = "Start, inclusive", example = "2026-11-01") @RequestParam(required = false) String from,
            @Parameter(description = "End, exclusive", example = "2026-12-01") @RequestParam(required = false) String to) {
        Period period = Period.parse(from, to, clock);
        return ResponseEntity.ok().contentType(new MediaType("text", "html", java.nio.charset.StandardCharsets.UTF_8))
                .body(MetricsPage.render(incidents.between(period.from(), period.to()), period));
    }
}
