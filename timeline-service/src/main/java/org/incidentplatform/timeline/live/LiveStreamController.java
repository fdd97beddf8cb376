package org.incidentplatform.timeline.live;

import static org.incidentplatform.timeline.web.ApiExamples.PROBLEM_JSON;
import static org.incidentplatform.timeline.web.ApiExamples.PROBLEM_SCHEMA;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import jakarta.validation.constraints.Size;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.util.Optional;
import org.incidentplatform.timeline.rendering.RequestOptions;
import org.incidentplatform.timeline.web.ApiExamples;
import org.incidentplatform.timeline.web.Problems;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * Live entries as Server-Sent Events. A stream must be asked for with
 * {@code Accept: text/event-stream} (as EventSource does): a plain GET would otherwise hang
 * until the stream times out, so it gets a 406 problem that says what to send instead.
 */
@RestController
class LiveStreamController {

    private final LiveStreams streams;

    LiveStreamController(LiveStreams streams) {
        this.streams = streams;
    }

    @Operation(summary = "Live entries of one incident (Server-Sent Events)", description = Docs.STREAM)
    @StreamResponses
    @GetMapping("/api/v1/incidents/{incidentId}/timeline/stream")
    SseEmitter incident(@PathVariable @Size(max = 200) String incidentId,
            @Parameter(description = "IANA time zone (or offset) to render times in; default UTC", example = "Europe/Paris")
            @RequestParam(required = false) String tz,
            @Parameter(description = "all (default), public or internal", example = "public")
            @RequestParam(required = false) String visibility,
            @Parameter(hidden = true) @RequestHeader(value = HttpHeaders.ACCEPT, required = false) String accept) {
        RequestOptions options = RequestOptions.parse(tz, visibility);
        requireEventStream(accept);
        return streams.open(Optional.of(incidentId), options);
    }

    @Operation(summary = "Live entries of every incident (Server-Sent Events)", description = Docs.STREAM)
    @StreamResponses
    @GetMapping("/api/v1/activity/stream")
    SseEmitter activity(
            @Parameter(description = "IANA time zone (or offset) to render times in; default UTC", example = "Europe/Paris")
            @RequestParam(required = false) String tz,
            @Parameter(description = "all (default), public or internal", example = "public")
            @RequestParam(required = false) String visibility,
            @Parameter(hidden = true) @RequestHeader(value = HttpHeaders.ACCEPT, required = false) String accept) {
        RequestOptions options = RequestOptions.parse(tz, visibility);
        requireEventStream(accept);
        return streams.open(Optional.empty(), options);
    }

    private static void requireEventStream(String accept) {
        boolean asked;
        try {
            asked = accept != null && MediaType.parseMediaTypes(accept).stream()
                    .anyMatch(type -> type.getQualityValue() > 0 && !type.isWildcardType() && !type.isWildcardSubtype()
                            && type.isCompatibleWith(MediaType.TEXT_EVENT_STREAM));
        } catch (InvalidMediaTypeException e) {
            asked = false;
        }
        if (!asked) {
            throw Problems.of(HttpStatus.NOT_ACCEPTABLE, "Not acceptable",
                    "This endpoint streams Server-Sent Events; send Accept: text/event-stream");
        }
    }

    private static final class Docs {
        static final String STREAM = "Opens a Server-Sent-Events stream (send `Accept: text/event-stream`). The first line is "
                + "the comment `:subscribed`; each entry stored from then on arrives as an `entry` event whose id is the "
                + "entry's event id and whose data is the entry as JSON, times in `tz`. A `:heartbeat` comment follows "
                + "every 15 s. Entries replayed by a projection rebuild are not sent again.";
    }

    @Target(ElementType.METHOD)
    @Retention(RetentionPolicy.RUNTIME)
    @ApiResponse(responseCode = "200", description = "The stream", content = @Content(mediaType = "text/event-stream",
            schema = @Schema(type = "string"), examples = @ExampleObject(value = ApiExamples.STREAM)))
    @ApiResponse(responseCode = "400", description = "Invalid tz, visibility or incident id", content = @Content(
            mediaType = PROBLEM_JSON, schema = @Schema(ref = PROBLEM_SCHEMA), examples = @ExampleObject(value = ApiExamples.BAD_TZ)))
    @ApiResponse(responseCode = "406", description = "Accept does not ask for text/event-stream", content = @Content(
            mediaType = PROBLEM_JSON, schema = @Schema(ref = PROBLEM_SCHEMA),
            examples = @ExampleObject(value = ApiExamples.STREAM_NOT_ACCEPTABLE)))
    @ApiResponse(responseCode = "503", description = "Too many live subscribers; see Retry-After", content = @Content(
            mediaType = PROBLEM_JSON, schema = @Schema(ref = PROBLEM_SCHEMA),
            examples = @ExampleObject(value = ApiExamples.TOO_MANY_SUBSCRIBERS)))
    @interface StreamResponses {
    }
}
