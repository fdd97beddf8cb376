package org.incidentplatform.incident.view;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;
import java.time.OffsetDateTime;
import java.util.List;
import org.incidentplatform.events.IncidentStatus;
import org.incidentplatform.events.Severity;
import org.incidentplatform.incident.web.ETags;
import org.incidentplatform.incident.web.NotFound;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ResponseEntity;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Reads incidents: one as it stands now, or a filtered page of them. */
@RestController
@Validated
@RequestMapping("/api/v1/incidents")
@Tag(name = "Incidents", description = "Read incidents")
class IncidentQueryController {

    private final IncidentViewRepository views;
    private final IncidentList list;
    private final AlertActivity alertActivity;

    IncidentQueryController(IncidentViewRepository views, IncidentList list, AlertActivity alertActivity) {
        this.views = views;
        this.list = list;
        this.alertActivity = alertActivity;
    }

    @GetMapping("/{incidentId}")
    @Operation(summary = "Get an incident", description = "As it stands now, with its ETag for If-Match. "
            + "With asOf, the incident as it stood at that instant (see History). 404 when unknown.")
    ResponseEntity<IncidentView> get(@PathVariable String incidentId) {
        IncidentView view = views.find(incidentId)
                .map(alertActivity::enrich)
                .orElseThrow(() -> NotFound.incident(incidentId));
        return ResponseEntity.ok().eTag(ETags.of(view.getVersion())).body(view);
    }

    @GetMapping
    @Operation(summary = "List incidents", description = "Newest first (by start time, then id); "
            + "pass nextCursor back as cursor for the next page.")
    IncidentList.Page list(
            @RequestParam(required = false) @Size(max = 7) List<IncidentStatus> status,
            @RequestParam(required = false) @Size(max = 4) List<Severity> severity,
            @RequestParam(required = false) @Size(max = 100) String service,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) OffsetDateTime openedFrom,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) OffsetDateTime openedTo,
            @RequestParam(defaultValue = "20") @Min(1) @Max(100) int limit,
            @RequestParam(required = false) @Size(max = 200) String cursor) {
        IncidentList.Page page = list.page(new IncidentList.Filter(status, severity, service,
                openedFrom == null ? null : openedFrom.toInstant(), openedTo == null ? null : openedTo.toInstant()),
                limit, cursor);
        page.items().forEach(alertActivity::enrich);
        return page;
    }
}
