package org.incidentplatform.incident.schedules;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.incidentplatform.incident.people.Actors;
import org.incidentplatform.incident.people.RosterIds;
import org.incidentplatform.incident.web.ETags;
import org.incidentplatform.incident.web.NotFound;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Schedules and their overrides. Reading needs incidents:read; changes need oncall:admin. */
@RestController
@RequestMapping("/api/v1/schedules")
@Tag(name = "Schedules", description = "Rotations, layers, restrictions and overrides: who is on call when")
class ScheduleController {

    private final ScheduleRepository schedules;
    private final ScheduleEdits edits;

    ScheduleController(ScheduleRepository schedules, ScheduleEdits edits) {
        this.schedules = schedules;
        this.edits = edits;
    }

    @Schema(example = "{\"schedules\": [{\"id\": \"sch-3f1b2c4d5e6f\", \"name\": \"Database primary\", \"version\": 3}]}")
    record ScheduleList(List<ScheduleView> schedules) {
    }

    @Schema(example = "{\"versions\": [{\"version\": 2, \"effectiveFrom\": \"2026-12-06T10:00:00Z\", \"actor\": \"admin\", \"change\": \"override ovr-1a2b3c4d5e6f added\"}]}")
    record VersionList(List<ScheduleVersion> versions) {
    }

    @PostMapping
    @Operation(summary = "Create a schedule", description = "Layers are listed lowest first: a later layer with someone on call covers the earlier ones.")
    ResponseEntity<ScheduleView> create(@Valid @RequestBody ScheduleRequest request, HttpServletRequest http) {
        ScheduleVersion created = edits.create(request, Actors.of(http));
        return ResponseEntity.created(URI.create("/api/v1/schedules/" + created.scheduleId()))
                .eTag(ETags.of(created.version())).body(ScheduleView.of(created, Instant.now()));
    }

    @GetMapping
    @Operation(summary = "List schedules", description = "Each at its newest version, by name.")
    ScheduleList list() {
        Instant now = Instant.now();
        return new ScheduleList(schedules.currentVersions().stream().map(v -> ScheduleView.of(v, now)).toList());
    }

    @GetMapping("/{scheduleId}")
    @Operation(summary = "Get a schedule at its newest version")
    ResponseEntity<ScheduleView> get(@PathVariable @Size(max = 40) String scheduleId) {
        ScheduleVersion current = edits.live(scheduleId);
        return ResponseEntity.ok().eTag(ETags.of(current.version())).body(ScheduleView.of(current, Instant.now()));
    }

    @PutMapping("/{scheduleId}")
    @Operation(summary = "Replace a schedule's name, description and layers",
            description = "Takes effect now: who was on call before now does not change. If-Match refuses a stale edit (412).")
    ResponseEntity<ScheduleView> replace(@PathVariable @Size(max = 40) String scheduleId,
            @Valid @RequestBody ScheduleRequest request,
            @RequestHeader(name = "If-Match", required = false) String ifMatch, HttpServletRequest http) {
        ScheduleVersion changed = edits.replace(scheduleId, request, ETags.expectedVersion(ifMatch), Actors.of(http));
        return ResponseEntity.ok().eTag(ETags.of(changed.version())).body(ScheduleView.of(changed, Instant.now()));
    }

    @DeleteMapping("/{scheduleId}")
    @Operation(summary = "Delete a schedule", description = "Nobody is on call from now on; its past still answers.")
    ResponseEntity<Void> delete(@PathVariable @Size(max = 40) String scheduleId,
            @RequestHeader(name = "If-Match", required = false) String ifMatch, HttpServletRequest http) {
        edits.delete(scheduleId, ETags.expectedVersion(ifMatch), Actors.of(http));
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/{scheduleId}/overrides")
    @Operation(summary = "Add an override", description = "Someone covers the schedule from start to end, above every layer. "
            + "It takes effect now at the earliest: a start in the past is moved to now.")
    ResponseEntity<ScheduleView> addOverride(@PathVariable @Size(max = 40) String scheduleId,
            @Valid @RequestBody OverrideRequest request, HttpServletRequest http) {
        ScheduleVersion changed = edits.addOverride(scheduleId, request, Actors.of(http));
        return ResponseEntity.status(201).eTag(ETags.of(changed.version())).body(ScheduleView.of(changed, Instant.now()));
    }

    @DeleteMapping("/{scheduleId}/overrides/{overrideId}")
    @Operation(summary = "Remove an override", description = "From now on; what it covered in the past stays.")
    ResponseEntity<Void> removeOverride(@PathVariable @Size(max = 40) String scheduleId,
            @PathVariable @Size(max = 40) String overrideId, HttpServletRequest http) {
        edits.removeOverride(scheduleId, overrideId, Actors.of(http));
        return ResponseEntity.noContent().build();
    }

    @GetMapping("/{scheduleId}/versions")
    @Operation(summary = "Every version of a schedule: who changed what, when", description = "Newest first, at most 1,000.")
    VersionList versions(@PathVariable @Size(max = 40) String scheduleId) {
        List<ScheduleVersion> versions = new ArrayList<>(schedules.versions(scheduleId));
        if (versions.isEmpty()) {
            throw NotFound.of("Schedule not found", "No schedule has the id '" + scheduleId + "'.");
        }
        return new VersionList(versions);
    }

    static String newId() {
        return RosterIds.next("sch");
    }
}
