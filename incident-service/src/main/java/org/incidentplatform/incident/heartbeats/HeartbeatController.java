package org.incidentplatform.incident.heartbeats;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.incidentplatform.incident.integrations.IntegrationKeys;
import org.incidentplatform.incident.integrations.IntegrationRepository;
import org.incidentplatform.incident.people.RosterIds;
import org.incidentplatform.incident.web.AlreadyExists;
import org.incidentplatform.incident.web.ChangedSinceRead;
import org.incidentplatform.incident.web.ETags;
import org.incidentplatform.incident.web.InvalidRequestException;
import org.incidentplatform.incident.web.NotFound;
import org.springframework.dao.DuplicateKeyException;
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

/** Heartbeats: admin API (incidents:read to read, oncall:admin to change); pings in {@link HeartbeatPingController}. */
@RestController
@RequestMapping("/api/v1/heartbeats")
@Tag(name = "Heartbeats", description = "Alert when something that should ping regularly goes quiet")
class HeartbeatController {

    private final HeartbeatRepository heartbeats;
    private final IntegrationRepository integrations;

    HeartbeatController(HeartbeatRepository heartbeats, IntegrationRepository integrations) {
        this.heartbeats = heartbeats;
        this.integrations = integrations;
    }

    /** A heartbeat as the API shows it: never its key. */
    record HeartbeatView(String id, String name, String integrationId, Duration period, Duration grace,
            Map<String, String> labels, String keyPrefix, String state, Instant lastPingAt, Instant deadline,
            Instant downSince, long version, Instant createdAt, Instant updatedAt) {
        static HeartbeatView of(Heartbeat h) {
            return new HeartbeatView(h.id(), h.name(), h.integrationId(), h.period(), h.grace(), h.labels(), h.keyPrefix(),
                    h.state(), h.lastPingAt(), h.deadline(), h.downSince(), h.version(), h.createdAt(), h.updatedAt());
        }
    }

    @Schema(example = """
            {"heartbeat": {"id": "hb-3f1b2c4d5e6f", "name": "nightly-backup", "state": "UP"},
             "key": "k3j5...", "pingPath": "/api/v1/heartbeats/k3j5.../ping"}""")
    record HeartbeatWithKey(HeartbeatView heartbeat, String key, String pingPath) {
    }

    @Schema(example = "{\"heartbeats\": [{\"id\": \"hb-3f1b2c4d5e6f\", \"name\": \"nightly-backup\", \"state\": \"UP\"}]}")
    record HeartbeatList(List<HeartbeatView> heartbeats) {
    }

    @PostMapping
    @Operation(summary = "Create a heartbeat", description = "The response is the only time its ping key is shown. "
            + "Its deadline counts from now until the first ping.")
    ResponseEntity<HeartbeatWithKey> create(@Valid @RequestBody HeartbeatRequest request) {
        validate(request);
        Instant now = Instant.now();
        String key = IntegrationKeys.generate();
        Duration period = request.periodDuration();
        Duration grace = request.graceDuration();
        Heartbeat heartbeat = new Heartbeat(RosterIds.next("hb"), request.name(), request.integrationId(), period, grace,
                request.labels(), IntegrationKeys.hash(key), IntegrationKeys.prefix(key), Heartbeat.UP, null,
                now.plus(period).plus(grace), null, false, Instant.EPOCH, 1, now, now);
        try {
            heartbeats.insert(heartbeat);
        } catch (DuplicateKeyException taken) {
            throw AlreadyExists.of("Heartbeat exists", "A heartbeat named '" + request.name() + "' already exists.", taken);
        }
        return ResponseEntity.created(URI.create("/api/v1/heartbeats/" + heartbeat.id())).eTag(ETags.of(1))
                .body(new HeartbeatWithKey(HeartbeatView.of(heartbeat), key, "/api/v1/heartbeats/" + key + "/ping"));
    }

    @GetMapping
    @Operation(summary = "List heartbeats", description = "By name, at most 1,000, with their state.")
    HeartbeatList list() {
        return new HeartbeatList(heartbeats.all().stream().map(HeartbeatView::of).toList());
    }

    @GetMapping("/{heartbeatId}")
    @Operation(summary = "Get a heartbeat")
    ResponseEntity<HeartbeatView> get(@PathVariable @Size(max = 40) String heartbeatId) {
        Heartbeat heartbeat = find(heartbeatId);
        return ResponseEntity.ok().eTag(ETags.of(heartbeat.version())).body(HeartbeatView.of(heartbeat));
    }

    @PutMapping("/{heartbeatId}")
    @Operation(summary = "Change a heartbeat's name, integration, period, grace and labels",
            description = "The key stays. The deadline moves to the last ping (or now) plus the new period and grace.")
    ResponseEntity<HeartbeatView> replace(@PathVariable @Size(max = 40) String heartbeatId,
            @Valid @RequestBody HeartbeatRequest request,
            @RequestHeader(name = "If-Match", required = false) String ifMatch) {
        validate(request);
        Heartbeat current = current(heartbeatId, ifMatch);
        Instant now = Instant.now();
        Instant from = current.lastPingAt() == null ? now : current.lastPingAt();
        Heartbeat changed = new Heartbeat(current.id(), request.name(), request.integrationId(), request.periodDuration(),
                request.graceDuration(), request.labels(), current.keyHash(), current.keyPrefix(), current.state(),
                current.lastPingAt(), from.plus(request.periodDuration()).plus(request.graceDuration()), current.downSince(),
                current.alerting(), current.busyUntil(), current.version() + 1, current.createdAt(), now);
        if (!heartbeats.replace(current, changed)) {
            throw ChangedSinceRead.now(current.version());
        }
        return ResponseEntity.ok().eTag(ETags.of(changed.version())).body(HeartbeatView.of(changed));
    }

    @DeleteMapping("/{heartbeatId}")
    @Operation(summary = "Delete a heartbeat", description = "An alert it raised stays until resolved in its incident.")
    ResponseEntity<Void> delete(@PathVariable @Size(max = 40) String heartbeatId,
            @RequestHeader(name = "If-Match", required = false) String ifMatch) {
        Heartbeat current = current(heartbeatId, ifMatch);
        if (!heartbeats.delete(current)) {
            throw ChangedSinceRead.now(current.version());
        }
        return ResponseEntity.noContent().build();
    }

    private void validate(HeartbeatRequest request) {
        request.periodDuration();
        request.graceDuration();
        if (integrations.find(request.integrationId()).isEmpty()) {
            throw new InvalidRequestException("integrationId names '" + request.integrationId() + "', which is not an integration");
        }
    }

    private Heartbeat current(String heartbeatId, String ifMatch) {
        Heartbeat current = find(heartbeatId);
        ChangedSinceRead.check(ifMatch, current.version());
        return current;
    }

    private Heartbeat find(String heartbeatId) {
        return heartbeats.find(heartbeatId).orElseThrow(() -> NotFound.of("Heartbeat not found",
                "No heartbeat has the id '" + heartbeatId + "'."));
    }
}
