package org.incidentplatform.report.postmortem;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Size;
import java.time.ZoneId;
import org.incidentplatform.report.projection.IncidentReport;
import org.incidentplatform.report.projection.ReportProjection;
import org.incidentplatform.report.web.ApiExamples;
import org.incidentplatform.report.web.BadRequest;
import org.incidentplatform.report.web.TimeZoneParameter;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Post-mortems", description = "Post-mortem documents computed from the incident event log")
class PostmortemController {

    static final String INCIDENT_VERSION = "Incident-Version";

    private final ReportProjection projection;
    private final PostmortemAssembler assembler;

    PostmortemController(ReportProjection projection, PostmortemAssembler assembler) {
        this.projection = projection;
        this.assembler = assembler;
    }

    @GetMapping("/api/v1/incidents/{incidentId}/postmortem")
    @Operation(summary = "An incident's post-mortem as JSON, Markdown or HTML",
            description = "Chosen by ?format= (json, markdown, html), else by the Accept header; JSON by default. "
                    + "Durations are computed from the event log; JSON carries them as ISO-8601 and seconds.")
    @ApiResponse(responseCode = "200", description = "The post-mortem. Header Incident-Version: the version "
            + "(sequence of the newest event) of the incident it reflects, as in incident-service's ETag", content = {
            @Content(mediaType = "application/json", schema = @Schema(implementation = Postmortem.class),
                    examples = @ExampleObject(value = ApiExamples.POSTMORTEM_JSON)),
            @Content(mediaType = "text/markdown", examples = @ExampleObject(value = ApiExamples.POSTMORTEM_MARKDOWN)),
            @Content(mediaType = "text/html", examples = @ExampleObject(value = ApiExamples.POSTMORTEM_HTML))})
    ResponseEntity<?> postmortem(
            @PathVariable @Size(max = 200) String incidentId,
            @Parameter(description = "json, markdown or html; overrides Accept", example = "markdown")
            @RequestParam(required = false) String format,
            @Parameter(description = "Time zone for every time shown: an IANA name or an offset; UTC by default",
                    example = "Europe/Paris")
            @RequestParam(required = false) String tz,
            @RequestHeader(name = HttpHeaders.ACCEPT, required = false) String accept) {
        PostmortemFormat chosen = PostmortemFormat.choose(format, accept);
        ZoneId zone = TimeZoneParameter.parse(tz);
        IncidentReport report = projection.reportOf(incidentId)
                .orElseThrow(() -> BadRequest.notFound("No post-mortem for incident " + incidentId));
        Postmortem postmortem = assembler.assemble(report, zone);
        // The incident version this document reflects, comparable with incident-service's ETag:
        // equal means the post-mortem has every event of the incident so far.
        ResponseEntity.BodyBuilder ok = ResponseEntity.ok().contentType(chosen.mediaType)
                .header(HttpHeaders.VARY, HttpHeaders.ACCEPT)
                .header(INCIDENT_VERSION, Long.toString(report.lastAppliedSequence()));
        return switch (chosen) {
            case JSON -> ok.body(postmortem);
            case MARKDOWN -> ok.body(MarkdownPostmortem.render(postmortem));
            case HTML -> ok.body(HtmlPostmortem.render(postmortem));
        };
    }
}
