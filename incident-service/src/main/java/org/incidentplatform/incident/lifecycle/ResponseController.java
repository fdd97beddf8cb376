package org.incidentplatform.incident.lifecycle;

import static org.incidentplatform.incident.lifecycle.LifecycleRequests.instantOrNow;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.UUID;
import org.incidentplatform.events.Visibility;
import org.incidentplatform.incident.lifecycle.IncidentCommand.*;
import org.incidentplatform.incident.lifecycle.LifecycleRequests.*;
import org.incidentplatform.incident.view.IncidentView;
import org.incidentplatform.incident.web.ETags;
import org.springframework.http.ResponseEntity;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Who responds (commander, responders) and what they write down while they do (notes). */
@RestController
@Validated
@RequestMapping("/api/v1/incidents/{incidentId}")
@Tag(name = "Response", description = "Commander, responders and notes")
class ResponseController {

    private final IncidentCommandSender sender;

    ResponseController(IncidentCommandSender sender) {
        this.sender = sender;
    }

    @PutMapping("/commander")
    @Operation(summary = "Assign the incident commander")
    ResponseEntity<IncidentView> commander(@PathVariable String incidentId, @Valid @RequestBody CommanderRequest body,
            @RequestHeader(name = "If-Match", required = false) String ifMatch, HttpServletRequest http) {
        return sender.sendAndAnswer(new AssignCommander(incidentId, ETags.expectedVersion(ifMatch), body.commander(),
                instantOrNow(body.occurredAt())), http);
    }

    @PostMapping("/responders")
    @Operation(summary = "Add a responder", description = "Adding someone who already responds changes nothing.")
    ResponseEntity<IncidentView> addResponder(@PathVariable String incidentId, @Valid @RequestBody ResponderRequest body,
            @RequestHeader(name = "If-Match", required = false) String ifMatch, HttpServletRequest http) {
        return sender.sendAndAnswer(new AddResponder(incidentId, ETags.expectedVersion(ifMatch), body.responder(),
                instantOrNow(body.occurredAt())), http);
    }

    @DeleteMapping("/responders/{responder}")
    @Operation(summary = "Remove a responder", description = "404 when the person is not a responder.")
    ResponseEntity<IncidentView> removeResponder(@PathVariable String incidentId,
            @PathVariable @Size(max = 100) String responder,
            @RequestHeader(name = "If-Match", required = false) String ifMatch, HttpServletRequest http) {
        return sender.sendAndAnswer(new RemoveResponder(incidentId, ETags.expectedVersion(ifMatch), responder,
                Instant.now()), http);
    }

    @PostMapping("/notes")
    @Operation(summary = "Add a note", description = "Internal by default. occurredAt records back-dated facts, any offset.")
    ResponseEntity<IncidentView> note(@PathVariable String incidentId, @Valid @RequestBody NoteRequest body,
            @RequestHeader(name = "If-Match", required = false) String ifMatch, HttpServletRequest http) {
        Visibility visibility = body.visibility() == null ? Visibility.INTERNAL : body.visibility();
        return sender.sendAndAnswer(new AddNote(incidentId, ETags.expectedVersion(ifMatch),
                "note-" + UUID.randomUUID(), body.text(), visibility, instantOrNow(body.occurredAt())), http);
    }
}
