package org.incidentplatform.incident.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.incidentplatform.incident.ApiClient;
import org.incidentplatform.incident.IncidentServiceTest;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpMethod;
import tools.jackson.databind.JsonNode;

/**
 * A complete incident recorded through the API, shaped like a real failover-IP outage: every API
 * request failed while the IP was down. Times are Europe/Paris (+01:00 in November).
 */
@IncidentServiceTest
class FailoverIpOutageApiTest {

    private static final String DAY = "2026-11-10T";
    private static final String PARIS = "+01:00";

    @LocalServerPort
    int port;

    @Test
    void theWholeOutageIsRecordedAuditedAndReadableAtAnyInstant() {
        ApiClient api = new ApiClient(port);
        var opened = api.send(HttpMethod.POST, "/api/v1/incidents", """
                {"title": "API unreachable: failover IP down", "severity": "SEV1",
                 "services": ["api", "customer-platform", "short-links"],
                 "startedAt": "%s10:02:00%s", "detectedAt": "%s10:04:00%s", "commander": "alice"}"""
                .formatted(DAY, PARIS, DAY, PARIS));
        assertThat(opened.status()).isEqualTo(201);
        String id = opened.text("/id");
        String base = "/api/v1/incidents/" + id;

        ok(api.send(HttpMethod.POST, base + "/acknowledge", "{\"occurredAt\": \"%s10:05:00%s\"}".formatted(DAY, PARIS)));
        status(api, base, "investigating", "10:07", "We are investigating failed API requests.");
        status(api, base, "identified", "10:41", "Our failover IP is unreachable; we are moving traffic to a new IP.");
        status(api, base, "monitoring", "11:22", "Traffic now uses the new IP and API requests succeed. Monitoring.");
        status(api, base, "identified", "11:29", "Short links still fail for some customers: their DNS points at the old IP.");
        status(api, base, "monitoring", "13:17", "Short-link DNS updated; errors are back to normal levels.");
        ok(api.send(HttpMethod.POST, base + "/mitigate", "{\"occurredAt\": \"%s11:22:00%s\"}".formatted(DAY, PARIS)));
        ok(api.send(HttpMethod.PUT, base + "/impact", """
                {"components": [{"component": "API", "status": "major_outage"},
                                {"component": "Customer platform", "status": "partial_outage"},
                                {"component": "Short links", "status": "partial_outage"}],
                 "customerImpact": "Every API request failed for 80 minutes; short links failed until 13:17.",
                 "customersAffected": 4100,
                 "dataLoss": {"occurred": true, "description": "API requests made during the outage were lost, not queued."},
                 "impactStartedAt": "%s10:02:00%s", "impactEndedAt": "%s13:17:00%s"}""".formatted(DAY, PARIS, DAY, PARIS)));
        ok(api.send(HttpMethod.POST, base + "/resolve", """
                {"resolution": "The provider restored the failover IP; all traffic is back on it.",
                 "occurredAt": "%s16:15:00%s"}""".formatted(DAY, PARIS)));
        ok(api.send(HttpMethod.PUT, base + "/postmortem", """
                {"summary": "The failover IP became unreachable and every API request failed.",
                 "rootCause": "A provider maintenance detached the failover IP from our load balancers.",
                 "contributingFactors": ["No probe on the failover IP itself"],
                 "whatWentWell": ["Traffic moved to a new IP within 80 minutes"],
                 "whatWentWrong": ["Requests made during the outage were lost"],
                 "lessons": ["Accept API requests into a durable queue before processing"]}"""));
        List<String> itemIds = new ArrayList<>();
        for (String item : List.of(
                "{\"title\": \"Probe the failover IP every minute\", \"owner\": \"dave\", \"dueDate\": \"2026-11-24\", \"category\": \"detection\", \"term\": \"short\"}",
                "{\"title\": \"Queue API writes durably during outages\", \"owner\": \"erin\", \"dueDate\": \"2027-02-01\", \"category\": \"prevention\", \"term\": \"long\"}",
                "{\"title\": \"Runbook: moving to a spare IP\", \"owner\": \"alice\", \"category\": \"documentation\", \"term\": \"short\", \"link\": \"https://wiki.example/runbooks/ip\"}")) {
            var added = api.send(HttpMethod.POST, base + "/action-items", item);
            assertThat(added.status()).isEqualTo(201);
            itemIds.add(added.header("Location").substring(added.header("Location").lastIndexOf('/') + 1));
        }
        ok(api.send(HttpMethod.PATCH, base + "/action-items/" + itemIds.getFirst(), "{\"status\": \"done\"}"));
        ok(api.send(HttpMethod.POST, base + "/close", null));

        JsonNode incident = api.get(base).body();
        assertThat(incident.get("status").asString()).isEqualTo("CLOSED");
        assertThat(incident.get("statusUpdates")).hasSize(5);
        assertThat(incident.get("impact").get("dataLoss").get("occurred").asBoolean()).isTrue();
        assertThat(incident.get("impact").get("components")).hasSize(3);
        assertThat(incident.get("actionItems")).hasSize(3);
        assertThat(incident.get("actionItems").get(0).get("status").asString()).isEqualTo("DONE");
        assertThat(incident.get("resolvedAt").asString()).isEqualTo("2026-11-10T15:15:00Z");

        JsonNode events = api.get(base + "/events").body().get("events");
        assertThat(events).hasSize(16); // opened, ack, 5 updates, mitigated, impact, resolved, post-mortem, 3 items, 1 change, closed
        for (JsonNode event : events) {
            assertThat(event.get("type").asString()).startsWith("org.incidentplatform.incident.");
            assertThat(event.get("actor").asString()).isEqualTo("apikey:bootstrap-admin");
            assertThat(event.get("correlationId").asString()).isNotBlank();
            assertThat(event.get("recordedAt").asString()).isNotBlank();
            assertThat(event.get("occurredAt").asString()).isNotBlank();
        }
        assertThat(events.get(3).get("occurredAt").asString()).isEqualTo("2026-11-10T09:41:00Z");
        assertThat(events.get(3).get("payload").get("message").asString()).startsWith("Our failover IP");

        // 11:00 Paris lies between the 10:41 and 11:22 updates; 11:25 Paris between 11:22 and 11:29.
        assertThat(api.get(base + "?asOf=" + DAY + "10:00:00Z").text("/status")).isEqualTo("IDENTIFIED");
        assertThat(api.get(base + "?asOf=" + DAY + "10:25:00Z").text("/status")).isEqualTo("MONITORING");
        assertThat(api.get(base + "?asOf=" + DAY + "09:03:00Z").text("/status")).isEqualTo("TRIGGERED");
        assertThat(api.get(base + "?asOf=" + DAY + "08:00:00Z").status()).isEqualTo(404);
    }

    private static void status(ApiClient api, String base, String status, String parisTime, String message) {
        ok(api.send(HttpMethod.POST, base + "/status", """
                {"status": "%s", "message": "%s", "public": true, "occurredAt": "%s%s:00%s"}"""
                .formatted(status, message, DAY, parisTime, PARIS)));
    }

    private static void ok(ApiClient.Response response) {
        assertThat(response.status()).as("%s", response.body()).isEqualTo(200);
    }
}
