package org.incidentplatform.incident.heartbeats;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * Something that must ping every {@code period}: a cron job, a backup, a dead man's switch. No
 * ping for period + grace makes it DOWN: its integration gets an alert (labels as given, so the
 * integration's severity and service mapping apply), which opens an incident and pages; a ping
 * while DOWN makes it UP again and resolves that alert.
 *
 * @param keyHash      SHA-256 of the ping key (the key is in the ping URL and shown once)
 * @param state        UP (pinging, or waiting for the first deadline) or DOWN
 * @param lastPingAt   null until the first ping; the deadline counts from creation until then
 * @param deadline     when it goes DOWN without a ping: last ping (or creation) + period + grace
 * @param alerting     its alert is firing (raised when it went DOWN, resolved when it came back)
 * @param busyUntil    an instance is raising or resolving its alert until then; EPOCH when none
 * @param version      raised by every change of its settings; the ETag
 */
@Document("heartbeats")
record Heartbeat(@Id String id, String name, String integrationId, Duration period, Duration grace,
        Map<String, String> labels, String keyHash, String keyPrefix, String state, Instant lastPingAt,
        Instant deadline, Instant downSince, boolean alerting, Instant busyUntil, long version, Instant createdAt,
        Instant updatedAt) {

    static final String UP = "UP";
    static final String DOWN = "DOWN";
}
