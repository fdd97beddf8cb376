package org.incidentplatform.timeline.entries;

import jakarta.validation.constraints.Size;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

@RestController
class TimelineController {

    private final TimelineProjection projection;

    TimelineController(TimelineProjection projection) {
        this.projection = projection;
    }

    @GetMapping("/api/v1/incidents/{incidentId}/timeline")
    IncidentTimeline timeline(@PathVariable @Size(max = 200) String incidentId) {
        List<TimelineEntry> entries = projection.timelineOf(incidentId);
        if (entries.isEmpty()) {
            // Every incident has at least its opening on the timeline, so no entries means
            // the incident is unknown here (or its events have not arrived yet).
            throw new ErrorResponseException(HttpStatus.NOT_FOUND, ProblemDetail.forStatusAndDetail(
                    HttpStatus.NOT_FOUND, "No timeline for incident " + incidentId), null);
        }
        return new IncidentTimeline(incidentId, entries);
    }
}
