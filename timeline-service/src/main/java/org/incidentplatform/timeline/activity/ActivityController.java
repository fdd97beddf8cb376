package org.incidentplatform.timeline.activity;

import static org.incidentplatform.timeline.web.ApiExamples.PROBLEM_JSON;
import static org.incidentplatform.timeline.web.ApiExamples.PROBLEM_SCHEMA;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import java.util.List;
import org.incidentplatform.timeline.entries.TimelineEntry;
import org.incidentplatform.timeline.entries.TimelineProjection;
import org.incidentplatform.timeline.rendering.EntryView;
import org.incidentplatform.timeline.rendering.RequestOptions;
import org.incidentplatform.timeline.web.ApiExamples;
import org.incidentplatform.timeline.web.InvalidParameterException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
class ActivityController {

    static final int DEFAULT_LIMIT = 20;
    static final int MAX_LIMIT = 100;

    private final TimelineProjection projection;

    ActivityController(TimelineProjection projection) {
        this.projection = projection;
    }

    @Operation(summary = "The activity feed across all incidents, newest first",
            description = "Ordered by recording time, then id, both descending. Follow `nextCursor` for older entries; "
                    + "the cursor is stable while new entries arrive at the top.")
    @ApiResponse(responseCode = "200", description = "A page of entries", content = @Content(mediaType = "application/json",
            schema = @Schema(implementation = ActivityPage.class), examples = @ExampleObject(value = ApiExamples.ACTIVITY)))
    @ApiResponse(responseCode = "400", description = "Invalid cursor, limit, tz or visibility", content = @Content(
            mediaType = PROBLEM_JSON, schema = @Schema(ref = PROBLEM_SCHEMA), examples = @ExampleObject(value = ApiExamples.BAD_CURSOR)))
    @GetMapping("/api/v1/activity")
    ActivityPage activity(
            @Parameter(description = "nextCursor of the previous page; omit for the newest entries")
            @RequestParam(required = false) String cursor,
            @Parameter(description = "entries per page, 1 to 100; default 20", example = "50")
            @RequestParam(required = false) Integer limit,
            @Parameter(description = "all (default), public or internal", example = "public")
            @RequestParam(required = false) String visibility,
            @Parameter(description = "IANA time zone (or offset) to render times in; default UTC", example = "Europe/Paris")
            @RequestParam(required = false) String tz) {
        int pageSize = limit == null ? DEFAULT_LIMIT : limit;
        if (pageSize < 1 || pageSize > MAX_LIMIT) {
            throw new InvalidParameterException("limit", "must be between 1 and " + MAX_LIMIT);
        }
        RequestOptions options = RequestOptions.parse(tz, visibility);
        // One more than asked tells whether another page exists without a second query.
        List<TimelineEntry> found = projection.feed(ActivityCursor.parse(cursor), options.visibility(), pageSize + 1);
        List<TimelineEntry> page = found.subList(0, Math.min(pageSize, found.size()));
        String next = found.size() > pageSize ? ActivityCursor.after(page.getLast()) : null;
        return new ActivityPage(options.zone().getId(), options.visibilityName(),
                page.stream().map(e -> EntryView.of(e, options.zone())).toList(), next);
    }
}
