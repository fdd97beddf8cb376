package org.incidentplatform.incident.heartbeats;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import org.incidentplatform.incident.integrations.IntegrationKeys;
import org.incidentplatform.incident.web.NotFound;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The ping: {@code curl -fsS -X POST https://…/api/v1/heartbeats/<key>/ping} at the end of a cron
 * job, or a GET for tools that only fetch URLs. Public: the key in the path is the credential.
 */
@RestController
@Tag(name = "Heartbeats")
class HeartbeatPingController {

    private final HeartbeatRepository heartbeats;

    HeartbeatPingController(HeartbeatRepository heartbeats) {
        this.heartbeats = heartbeats;
    }

    @Schema(example = "{\"heartbeat\": \"nightly-backup\", \"receivedAt\": \"2026-12-06T03:00:00Z\", \"nextDeadline\": \"2026-12-07T03:30:00Z\"}")
    record Pong(String heartbeat, Instant receivedAt, Instant nextDeadline) {
    }

    @PostMapping("/api/v1/heartbeats/{key}/ping")
    @Operation(summary = "Ping a heartbeat", description = "Public: the key is the credential. A ping while DOWN resolves its alert.")
    Pong ping(@PathVariable @Size(max = 100) String key) {
        Heartbeat heartbeat = heartbeats.byKeyHash(IntegrationKeys.hash(key)).orElseThrow(() ->
                NotFound.of("Heartbeat not found", "No heartbeat has this key; it may have been deleted."));
        Instant now = Instant.now();
        if (!heartbeats.ping(heartbeat, now)) {
            throw NotFound.of("Heartbeat not found", "The heartbeat was deleted.");
        }
        return new Pong(heartbeat.name(), now, now.plus(heartbeat.period()).plus(heartbeat.grace()));
    }

    @GetMapping("/api/v1/heartbeats/{key}/ping")
    @Operation(summary = "Ping a heartbeat (GET, for cron one-liners)", description = "The same as the POST.")
    Pong pingByGet(@PathVariable @Size(max = 100) String key) {
        return ping(key);
    }
}
