package org.incidentplatform.incident.history;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.incidentplatform.incident.web.NotFound;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The full audit history of an incident. */
@RestController
@RequestMapping("/api/v1/incidents")
@Tag(name = "History", description = "Audit history and point-in-time views")
class IncidentHistoryController {

    private final IncidentHistory history;

    IncidentHistoryController(IncidentHistory history) {
        this.history = history;
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
