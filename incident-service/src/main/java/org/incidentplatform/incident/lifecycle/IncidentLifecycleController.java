package org.incidentplatform.incident.lifecycle;

import static org.incidentplatform.incident.lifecycle.LifecycleRequests.instantOrNow;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.incidentplatform.incident.lifecycle.IncidentCommand.*;
import org.incidentplatform.incident.lifecycle.LifecycleRequests.*;
import org.incidentplatform.incident.view.IncidentView;
import org.incidentplatform.incident.web.ETags;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Moves an incident through its life: open, acknowledge, status updates, severity, mitigate, resolve, reopen, close. */
@RestController
@RequestMapping("/api/v1/incidents")
@Tag(name = "Lifecycle", description = "Open an incident and move it through its statuses")
class IncidentLifecycleController {

    private final IncidentCommandSender sender;

    IncidentLifecycleController(IncidentCommandSender sender) {
        this.sender = sender;
    }

    @PostMapping
    @Operation(summary = "Open an incident", description = "Answers 201 once the IncidentOpened event is stored.")
    ResponseEntity<IncidentView> open(@Valid @RequestBody OpenIncidentRequest body, HttpServletRequest http) {
        String incidentId = UUID.randomUUID().toString();
        Instant startedAt = instantOrNow(body.startedAt());
        Instant detectedAt = body.detectedAt() == null ? null : body.detectedAt().toInstant();
        IncidentView view = sender.send(new OpenIncident(incidentId, body.title().strip(), body.summary(),
                body.severity(), body.services() == null ? List.of() : body.services(), body.commander(),
                detectedAt, startedAt), http);
        return ResponseEntity.created(URI.create("/api/v1/incidents/" + incidentId))
                .eTag(ETags.of(view.getVersion())).body(view);
    }

    @PostMapping("/{incidentId}/acknowledge")
    @Operation(summary = "Acknowledge a triggered incident")
    ResponseEntity<IncidentView> acknowledge(@PathVariable String incidentId,
            @Valid @RequestBody(required = false) OccurredAtRequest body,
            @RequestHeader(name = "If-Match", required = false) String ifMatch, HttpServletRequest http) {
        return sender.sendAndAnswer(new AcknowledgeIncident(incidentId, ETags.expectedVersion(ifMatch),
                instantOrNow(body == null ? null : body.occurredAt())), http);
    }

    @PostMapping("/{incidentId}/status")
    @Operation(summary = "Post a status update", description = "investigating, identified or monitoring, with a message; "
            + "public updates appear on the status page.")
    ResponseEntity<IncidentView> status(@PathVariable String incidentId, @Valid @RequestBody StatusUpdateRequest body,
            @RequestHeader(name = "If-Match", required = false) String ifMatch, HttpServletRequest http) {
        return sender.sendAndAnswer(new PostStatusUpdate(incidentId, ETags.expectedVersion(ifMatch), body.status(),
                body.message(), Boolean.TRUE.equals(body.visibleToPublic()), instantOrNow(body.occurredAt())), http);
    }

    @PostMapping("/{incidentId}/severity")
    @Operation(summary = "Change the severity")
    ResponseEntity<IncidentView> severity(@PathVariable String incidentId, @Valid @RequestBody SeverityRequest body,
            @RequestHeader(name = "If-Match", required = false) String ifMatch, HttpServletRequest http) {
        return sender.sendAndAnswer(new ChangeSeverity(incidentId, ETags.expectedVersion(ifMatch), body.severity(),
                body.reason(), instantOrNow(body.occurredAt())), http);
    }

    @PostMapping("/{incidentId}/mitigate")
    @Operation(summary = "Record that the impact was mitigated")
    ResponseEntity<IncidentView> mitigate(@PathVariable String incidentId,
            @Valid @RequestBody(required = false) OccurredAtRequest body,
            @RequestHeader(name = "If-Match", required = false) String ifMatch, HttpServletRequest http) {
        return sender.sendAndAnswer(new MitigateIncident(incidentId, ETags.expectedVersion(ifMatch),
                instantOrNow(body == null ? null : body.occurredAt())), http);
    }

    @PostMapping("/{incidentId}/resolve")
    @Operation(summary = "Resolve the incident")
    ResponseEntity<IncidentView> resolve(@PathVariable String incidentId, @Valid @RequestBody ResolveRequest body,
            @RequestHeader(name = "If-Match", required = false) String ifMatch, HttpServletRequest http) {
        return sender.sendAndAnswer(new ResolveIncident(incidentId, ETags.expectedVersion(ifMatch), body.resolution(),
                instantOrNow(body.occurredAt())), http);
    }

    @PostMapping("/{incidentId}/reopen")
    @Operation(summary = "Reopen a resolved incident")
    ResponseEntity<IncidentView> reopen(@PathVariable String incidentId, @Valid @RequestBody ReopenRequest body,
            @RequestHeader(name = "If-Match", required = false) String ifMatch, HttpServletRequest http) {
        return sender.sendAndAnswer(new ReopenIncident(incidentId, ETags.expectedVersion(ifMatch), body.reason(),
                instantOrNow(body.occurredAt())), http);
    }

    @PostMapping("/{incidentId}/close")
    @Operation(summary = "Close a resolved incident", description = "The post-mortem is complete. Only after resolve.")
    ResponseEntity<IncidentView> close(@PathVariable String incidentId,
            @Valid @RequestBody(required = false) OccurredAtRequest body,
            @RequestHeader(name = "If-Match", required = false) String ifMatch, HttpServletRequest http) {
        return sender.sendAndAnswer(new CloseIncident(incidentId, ETags.expectedVersion(ifMatch),
                instantOrNow(body == null ? null : body.occurredAt())), http);
    }
}
