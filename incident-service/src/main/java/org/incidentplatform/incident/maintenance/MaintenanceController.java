package org.incidentplatform.incident.maintenance;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import org.incidentplatform.incident.people.Actors;
import org.incidentplatform.incident.people.RosterIds;
import org.incidentplatform.incident.web.ChangedSinceRead;
import org.incidentplatform.incident.web.ETags;
import org.incidentplatform.incident.web.NotFound;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Maintenance windows: incidents:read to read, oncall:admin to plan, change or cancel. */
@RestController
@RequestMapping("/api/v1/maintenance-windows")
@Tag(name = "Maintenance windows", description = "Planned work: nobody is paged for its services, the status page announces it")
class MaintenanceController {

    private final MaintenanceWindows windows;
    private final MaintenancePublisher publisher;
    private final ActiveMaintenance active;

    MaintenanceController(MaintenanceWindows windows, MaintenancePublisher publisher, ActiveMaintenance active) {
        this.windows = windows;
        this.publisher = publisher;
        this.active = active;
    }

    @Schema(example = "{\"windows\": [{\"id\": \"mw-3f1b2c4d5e6f\", \"title\": \"Database upgrade\", \"services\": [\"database\"]}]}")
    record WindowList(List<MaintenanceWindow> windows) {
    }

    @PostMapping
    @Operation(summary = "Plan a maintenance window")
    ResponseEntity<MaintenanceWindow> create(@Valid @RequestBody MaintenanceRequest request, HttpServletRequest http) {
        request.validate();
        Instant now = Instant.now();
        MaintenanceWindow window = new MaintenanceWindow(RosterIds.next("mw"), request.title(), request.description(),
                List.copyOf(request.services()), request.startsAt().toInstant(), request.endsAt().toInstant(), false,
                Actors.of(http), 1, true, now, now);
        windows.insert(window);
        changed();
        return ResponseEntity.created(URI.create("/api/v1/maintenance-windows/" + window.id())).eTag(ETags.of(1)).body(window);
    }

    @GetMapping
    @Operation(summary = "List maintenance windows", description = "Those not ended yet and those that ended in the last day, soonest first.")
    WindowList list() {
        return new WindowList(windows.current(Instant.now()));
    }

    @GetMapping("/{windowId}")
    @Operation(summary = "Get a maintenance window")
    ResponseEntity<MaintenanceWindow> get(@PathVariable @Size(max = 40) String windowId) {
        MaintenanceWindow window = find(windowId);
        return ResponseEntity.ok().eTag(ETags.of(window.version())).body(window);
    }

    @PutMapping("/{windowId}")
    @Operation(summary = "Change a maintenance window", description = "If-Match refuses a stale edit (412).")
    ResponseEntity<MaintenanceWindow> replace(@PathVariable @Size(max = 40) String windowId,
            @Valid @RequestBody MaintenanceRequest request,
            @RequestHeader(name = "If-Match", required = false) String ifMatch, HttpServletRequest http) {
        request.validate();
        MaintenanceWindow current = current(windowId, ifMatch);
        MaintenanceWindow changed = new MaintenanceWindow(current.id(), request.title(), request.description(),
                List.copyOf(request.services()), request.startsAt().toInstant(), request.endsAt().toInstant(),
                current.cancelled(), Actors.of(http), current.version() + 1, true, current.createdAt(), Instant.now());
        write(current, changed);
        return ResponseEntity.ok().eTag(ETags.of(changed.version())).body(changed);
    }

    @PostMapping("/{windowId}/cancel")
    @Operation(summary = "Cancel a maintenance window", description = "Pages resume for its services; it leaves the status page. Idempotent.")
    ResponseEntity<MaintenanceWindow> cancel(@PathVariable @Size(max = 40) String windowId, HttpServletRequest http) {
        MaintenanceWindow current = find(windowId);
        if (current.cancelled()) {
            return ResponseEntity.ok().eTag(ETags.of(current.version())).body(current);
        }
        MaintenanceWindow cancelled = new MaintenanceWindow(current.id(), current.title(), current.description(),
                current.services(), current.startsAt(), current.endsAt(), true, Actors.of(http), current.version() + 1,
                true, current.createdAt(), Instant.now());
        write(current, cancelled);
        return ResponseEntity.ok().eTag(ETags.of(cancelled.version())).body(cancelled);
    }

    private void write(MaintenanceWindow current, MaintenanceWindow changed) {
        if (!windows.replace(current, changed)) {
            throw ChangedSinceRead.now(current.version());
        }
        changed();
    }

    private void changed() {
        active.forget();
        publisher.wakeUp();
    }

    private MaintenanceWindow current(String windowId, String ifMatch) {
        MaintenanceWindow current = find(windowId);
        ChangedSinceRead.check(ifMatch, current.version());
        return current;
    }

    private MaintenanceWindow find(String windowId) {
        return windows.find(windowId).orElseThrow(() -> NotFound.of("Maintenance window not found",
                "No maintenance window has the id '" + windowId + "'."));
    }
}
