package org.incidentplatform.timeline.exports;

import static org.incidentplatform.timeline.web.ApiExamples.PROBLEM_JSON;
import static org.incidentplatform.timeline.web.ApiExamples.PROBLEM_SCHEMA;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.incidentplatform.timeline.entries.TimelineEntry;
import org.incidentplatform.timeline.entries.TimelineProjection;
import org.incidentplatform.timeline.rendering.EntryView;
import org.incidentplatform.timeline.rendering.RequestOptions;
import org.incidentplatform.timeline.web.ApiExamples;
import org.incidentplatform.timeline.web.Problems;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.json.JsonMapper;

@RestController
class TimelineController {

    private final TimelineProjection projection;
    private final JsonMapper json;

    TimelineController(TimelineProjection projection, JsonMapper json) {
        this.projection = projection;
        this.json = json;
    }

    @Operation(summary = "An incident's timeline, as JSON, Markdown or CSV",
            description = "Entries in the order things happened (occurredAt, then incident sequence, then recording "
                    + "time, then id); back-dated facts slot into place. Choose the format with `format` or the Accept "
                    + "header (`format` wins). Exports are deterministic: the same entries give the same bytes.")
    @ApiResponse(responseCode = "200", description = "The timeline", content = {
        @Content(mediaType = "application/json", schema = @Schema(implementation = TimelineView.class),
                examples = @ExampleObject(value = ApiExamples.TIMELINE)),
        @Content(mediaType = "text/markdown", examples = @ExampleObject(value = ApiExamples.TIMELINE_MARKDOWN)),
        @Content(mediaType = "text/csv", examples = @ExampleObject(value = ApiExamples.TIMELINE_CSV))})
    @ApiResponse(responseCode = "400", description = "Invalid tz, visibility, format or incident id", content = @Content(
            mediaType = PROBLEM_JSON, schema = @Schema(ref = PROBLEM_SCHEMA), examples = @ExampleObject(value = ApiExamples.BAD_TZ)))
    @ApiResponse(responseCode = "404", description = "No entries for this incident", content = @Content(
            mediaType = PROBLEM_JSON, schema = @Schema(ref = PROBLEM_SCHEMA), examples = @ExampleObject(value = ApiExamples.NOT_FOUND)))
    @ApiResponse(responseCode = "406", description = "Accept names none of the formats", content = @Content(
            mediaType = PROBLEM_JSON, schema = @Schema(ref = PROBLEM_SCHEMA), examples = @ExampleObject(value = ApiExamples.NOT_ACCEPTABLE)))
    @GetMapping("/api/v1/incidents/{incidentId}/timeline")
    ResponseEntity<String> timeline(
            @PathVariable @Size(max = 200) String incidentId,
            @Parameter(description = "IANA time zone (or offset) to render times in; default UTC", example = "Europe/Paris")
            @RequestParam(required = false) String tz,
            @Parameter(description = "all (default), public or internal", example = "public")
            @RequestParam(required = false) String visibility,
            @Parameter(description = "json, markdown or csv; overrides Accept", example = "markdown")
            @RequestParam(required = false) String format,
            @Parameter(hidden = true) @RequestHeader(value = HttpHeaders.ACCEPT, required = false) String accept) {
        RequestOptions options = RequestOptions.parse(tz, visibility);
        ExportFormat chosen = ExportFormat.choose(format, accept);
        List<TimelineEntry> entries = projection.timelineOf(incidentId, options.visibility());
        // Every incident has at least its opening on the timeline, so nothing at all stored means
        // the incident is unknown here (or its events have not arrived yet).
        if (entries.isEmpty() && !projection.knows(incidentId)) {
            throw Problems.of(HttpStatus.NOT_FOUND, "Not Found", "No timeline for incident " + incidentId);
        }
        TimelineView view = new TimelineView(incidentId, options.zone().getId(), options.visibilityName(),
                entries.stream().map(e -> EntryView.of(e, options.zone())).toList());
        String body = switch (chosen) {
            case JSON -> json.writeValueAsString(view);
            case MARKDOWN -> MarkdownExport.render(view);
            case CSV -> CsvExport.render(view);
        };
        return ResponseEntity.ok().contentType(chosen.mediaType).header(HttpHeaders.VARY, HttpHeaders.ACCEPT).body(body);
    }
}
