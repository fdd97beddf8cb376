package org.incidentplatform.incident.lifecycle;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.incidentplatform.incident.summary.IncidentSummary;
import org.incidentplatform.incident.summary.IncidentSummaryRepository;
import org.incidentplatform.incident.web.RequestOrigin;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Opens incidents by hand. */
@RestController
@RequestMapping("/api/v1/incidents")
@Tag(name = "Incidents")
class IncidentCommandController {

    private final CommandGateway commands;
    private final IncidentSummaryRepository summaries;

    IncidentCommandController(CommandGateway commands, IncidentSummaryRepository summaries) {
        this.commands = commands;
        this.summaries = summaries;
    }

    @PostMapping
    @Operation(summary = "Open an incident",
            description = "Stores an IncidentOpened event and answers 201 once it is durable.")
    ResponseEntity<IncidentSummary> open(@Valid @RequestBody OpenIncidentRequest request,
            HttpServletRequest http) {
        String incidentId = UUID.randomUUID().toString();
        Instant occurredAt = request.startedAt() == null ? Instant.now() : request.startedAt().toInstant();
        var command = new OpenIncidentCommand(incidentId, request.title().strip(), request.summary(),
                request.severity(), request.services() == null ? List.of() : request.services(), occurredAt);
        commands.sendAndWait(GenericCommandMessage.asCommandMessage(command).andMetaData(RequestOrigin.of(http)));
        IncidentSummary body = summaries.find(incidentId).orElseThrow(
                () -> new IllegalStateException("Incident " + incidentId + " was stored but its summary is missing"));
        return ResponseEntity.created(URI.create("/api/v1/incidents/" + incidentId)).body(body);
    }
}
