package org.incidentplatform.incident.history;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.swagger.v3.oas.annotations.Parameter;
import java.time.OffsetDateTime;
import java.util.List;
import org.incidentplatform.incident.view.AlertActivity;
import org.incidentplatform.incident.view.IncidentView;
import org.incidentplatform.incident.web.NotFound;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The full audit history of an incident. */
@RestController
@RequestMapping("/api/v1/incidents")
@Tag(name = "History", description = "Audit history and point-in-time views")
class IncidentHistoryController {

    private final IncidentHistory history;
    private final AlertActivity alertActivity;

    IncidentHistoryController(IncidentHistory history, AlertActivity alertActivity) {
        this.history = history;
        this.alertActivity = alertActivity;
    }

    /**
     * The same path as the current view, chosen by the presence of asOf: a client asks one URL
     * for "now" or "then", while the rebuild from events stays with the history it reads.
     */
    @GetMapping(value = "/{incidentId}", params = "asOf")
    @Operation(summary = "Get an incident as it stood at an instant",
            description = "Rebuilt from its events (facts count at the time they happened). "
                    + "404 when unknown, or when it had not begun by asOf. No ETag: a past state cannot be changed.")
    IncidentView asOf(@PathVariable String incidentId,
            @Parameter(description = "ISO-8601 instant with any offset, e.g. 2026-11-21T11:00:00+01:00")
            @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) OffsetDateTime asOf) {
        return history.asOf(incidentId, asOf.toInstant())
                .map(alertActivity::enrich)
                .orElseThrow(() -> NotFound.incident(incidentId));
    }

    /** Wrapper so the list can grow metadata (paging) without breaking clients. */
    record EventList(String incidentId, List<StoredEvent> events) {
    }

    @GetMapping("/{incidentId}/events")
    @Operation(summary = "Every stored event of an incident",
            description = "Type, sequence, recordedAt, occurredAt, actor, correlation id and payload, in sequence order.")
    EventList events(@PathVariable String incidentId) {
        List<StoredEvent> events = history.eventsOf(incidentId);
        if (events.isEmpty()) {
            throw NotFound.incident(incidentId);
        }
        return new EventList(incidentId, events);
    }
}
