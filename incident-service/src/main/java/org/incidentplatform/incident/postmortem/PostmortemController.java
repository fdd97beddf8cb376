package org.incidentplatform.incident.postmortem;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.incidentplatform.events.ActionItem;
import org.incidentplatform.events.ComponentImpact;
import org.incidentplatform.events.DataLoss;
import org.incidentplatform.incident.web.ETags;
import org.incidentplatform.incident.lifecycle.IncidentCommand.*;
import org.incidentplatform.incident.lifecycle.IncidentCommandSender;
import org.incidentplatform.incident.postmortem.PostmortemRequests.*;
import org.incidentplatform.incident.view.IncidentView;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Impact, post-mortem sections and action items. */
@RestController
@RequestMapping("/api/v1/incidents/{incidentId}")
@Tag(name = "Post-mortem", description = "Impact, written sections and follow-up action items")
class PostmortemController {

    private final IncidentCommandSender sender;

    PostmortemController(IncidentCommandSender sender) {
        this.sender = sender;
    }

    @PutMapping("/impact")
    @Operation(summary = "Record the user-facing impact", description = "Replaces the previous assessment.")
    ResponseEntity<IncidentView> impact(@PathVariable String incidentId, @Valid @RequestBody ImpactRequest body,
            @RequestHeader(name = "If-Match", required = false) String ifMatch, HttpServletRequest http) {
        List<ComponentImpact> components = body.components().stream()
                .map(c -> new ComponentImpact(c.component(), c.status())).toList();
        DataLoss dataLoss = body.dataLoss() == null ? null
                : new DataLoss(body.dataLoss().occurred(), body.dataLoss().description());
        return sender.sendAndAnswer(new AssessImpact(incidentId, ETags.expectedVersion(ifMatch), components,
                body.customerImpact(), body.customersAffected(), dataLoss,
                body.impactStartedAt() == null ? null : body.impactStartedAt().toInstant(),
                body.impactEndedAt() == null ? null : body.impactEndedAt().toInstant(), Instant.now()), http);
    }

    @PutMapping("/postmortem")
    @Operation(summary = "Write the post-mortem sections", description = "Replaces all sections at once.")
    ResponseEntity<IncidentView> postmortem(@PathVariable String incidentId, @Valid @RequestBody PostmortemRequest body,
            @RequestHeader(name = "If-Match", required = false) String ifMatch, HttpServletRequest http) {
        return sender.sendAndAnswer(new UpdatePostmortem(incidentId, ETags.expectedVersion(ifMatch), body.summary(),
                body.rootCause(), body.contributingFactors(), body.whatWentWell(), body.whatWentWrong(),
                body.lessons(), Instant.now()), http);
    }

    @PostMapping("/action-items")
    @Operation(summary = "Add a follow-up action item", description = "Status defaults to open.")
    ResponseEntity<IncidentView> addActionItem(@PathVariable String incidentId,
            @Valid @RequestBody ActionItemRequest body,
            @RequestHeader(name = "If-Match", required = false) String ifMatch, HttpServletRequest http) {
        String itemId = "ai-" + UUID.randomUUID();
        ActionItem item = new ActionItem(itemId, body.title(), body.owner(), body.dueDate(), body.category(),
                body.term(), body.status() == null ? ActionItem.Status.OPEN : body.status(), body.link());
        IncidentView view = sender.send(new AddActionItem(incidentId, ETags.expectedVersion(ifMatch), item,
                Instant.now()), http);
        return ResponseEntity.created(URI.create("/api/v1/incidents/" + incidentId + "/action-items/" + itemId))
                .eTag(ETags.of(view.getVersion())).body(view);
    }

    @PatchMapping("/action-items/{itemId}")
    @Operation(summary = "Change an action item", description = "Only the fields given change. 404 for an unknown item.")
    ResponseEntity<IncidentView> updateActionItem(@PathVariable String incidentId, @PathVariable String itemId,
            @Valid @RequestBody ActionItemPatch body,
            @RequestHeader(name = "If-Match", required = false) String ifMatch, HttpServletRequest http) {
        ActionItem changes = new ActionItem(itemId, body.title(), body.owner(), body.dueDate(), body.category(),
                body.term(), body.status(), body.link());
        return sender.sendAndAnswer(new UpdateActionItem(incidentId, ETags.expectedVersion(ifMatch), changes,
                Instant.now()), http);
    }
}
