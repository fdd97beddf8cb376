package org.incidentplatform.incident.web;

import java.util.List;
import java.util.Map;

/** Example bodies shown in the OpenAPI document. */
final class ApiExamples {

    static final Map<String, Object> INCIDENT = Map.ofEntries(
            Map.entry("id", "7d0c7a8e-3f1e-4a59-9a43-2c1f0b5e5d7c"),
            Map.entry("title", "API unreachable: failover IP down"),
            Map.entry("severity", "SEV1"),
            Map.entry("status", "IDENTIFIED"),
            Map.entry("services", List.of("api", "short-links")),
            Map.entry("commander", "alice"),
            Map.entry("responders", List.of("bob")),
            Map.entry("startedAt", "2026-11-10T09:02:00Z"),
            Map.entry("detectedAt", "2026-11-10T09:04:00Z"),
            Map.entry("acknowledgedAt", "2026-11-10T09:05:00Z"),
            Map.entry("statusUpdates", List.of(Map.of("status", "IDENTIFIED",
                    "message", "Our failover IP is unreachable; we are moving traffic to a new IP.",
                    "visibleToPublic", true, "occurredAt", "2026-11-10T09:41:00Z"))),
            Map.entry("notes", List.of()),
            Map.entry("actionItems", List.of()),
            Map.entry("createdAt", "2026-11-10T09:04:31Z"),
            Map.entry("updatedAt", "2026-11-10T09:41:12Z"),
            Map.entry("version", 3));

    static final Map<String, Object> PAGE = Map.of(
            "items", List.of(INCIDENT),
            "nextCursor", "MTc2Mjc2NTMyMDAwMHw3ZDBjN2E4ZQ");

    static final Map<String, Object> EVENTS = Map.of(
            "incidentId", "7d0c7a8e-3f1e-4a59-9a43-2c1f0b5e5d7c",
            "events", List.of(Map.of(
                    "eventId", "6f1c2f3e-8f3a-4b7e-9a43-3f0f1d2c9b11",
                    "type", "org.incidentplatform.incident.status-updated.v1",
                    "sequence", 3,
                    "recordedAt", "2026-11-10T09:41:12Z",
                    "occurredAt", "2026-11-10T09:41:00Z",
                    "actor", "apikey:oncall-bot",
                    "correlationId", "b9e0a7d2-1c4f-4e5a-8d6b-2f7e9c0a1b3d",
                    "payload", Map.of("incidentId", "7d0c7a8e-3f1e-4a59-9a43-2c1f0b5e5d7c", "status", "IDENTIFIED",
                            "message", "Our failover IP is unreachable.", "visibleToPublic", true,
                            "occurredAt", "2026-11-10T09:41:00Z"))));

    /** The example for a response schema, by the schema's name; null when there is none. */
    static Object forSchema(String ref) {
        if (ref == null) {
            return null;
        }
        String name = ref.substring(ref.lastIndexOf('/') + 1);
        return switch (name) {
            case "IncidentView" -> INCIDENT;
            case "Page" -> PAGE;
            case "EventList" -> EVENTS;
            default -> null;
        };
    }

    private ApiExamples() {
    }
}
