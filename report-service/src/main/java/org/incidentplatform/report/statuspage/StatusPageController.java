package org.incidentplatform.report.statuspage;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirements;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.incidentplatform.report.web.ApiExamples;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** The public status page; listed in {@code incidents.security.public-paths}, so no credentials are needed. */
@RestController
@Tag(name = "Status page", description = "Public, no credentials: only what responders published")
@SecurityRequirements
class StatusPageController {

    static final MediaType ATOM = new MediaType("application", "atom+xml", StandardCharsets.UTF_8);
    private static final CacheControl SHORT = CacheControl.maxAge(Duration.ofSeconds(15)).cachePublic();

    private final StatusBoard board;
    private final StatusPageProperties page;

    StatusPageController(StatusBoard board, StatusPageProperties page) {
        this.board = board;
        this.page = page;
    }

    @GetMapping(value = "/status", produces = MediaType.TEXT_HTML_VALUE)
    @Operation(summary = "The status page (HTML)",
            description = "Each component's current status, open incidents with their public updates, the past 14 days.")
    @ApiResponse(responseCode = "200", description = "The page",
            content = @Content(mediaType = "text/html", examples = @ExampleObject(value = ApiExamples.STATUS_PAGE)))
    ResponseEntity<String> page() {
        return ResponseEntity.ok().cacheControl(SHORT)
                .contentType(new MediaType("text", "html", StandardCharsets.UTF_8))
                .body(StatusPageHtml.render(board.read()));
    }

    @GetMapping(value = "/status/summary.json", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Status summary in the format of Statuspage's api/v2/summary.json",
            description = "page, status (indicator none|minor|major|critical), components, unresolved incidents "
                    + "with their public updates, scheduled_maintenances (upcoming and running maintenance windows).")
    @ApiResponse(responseCode = "200", description = "The summary", content = @Content(mediaType = "application/json",
            schema = @Schema(implementation = StatusSummary.class), examples = @ExampleObject(value = ApiExamples.STATUS_SUMMARY)))
    ResponseEntity<StatusSummary> summary() {
        return ResponseEntity.ok().cacheControl(SHORT).body(board.read().summary());
    }

    @GetMapping(value = "/status/history.atom", produces = "application/atom+xml")
    @Operation(summary = "Public updates of the open and recent incidents as an Atom 1.0 feed")
    @ApiResponse(responseCode = "200", description = "The feed", content = @Content(mediaType = "application/atom+xml",
            examples = @ExampleObject(value = ApiExamples.STATUS_ATOM)))
    ResponseEntity<String> history() {
        return ResponseEntity.ok().cacheControl(SHORT).contentType(ATOM).body(AtomFeed.render(board.read(), page.baseUrl()));
    }
}
