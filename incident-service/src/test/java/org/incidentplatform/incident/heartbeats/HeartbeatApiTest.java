package org.incidentplatform.incident.heartbeats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.incidentplatform.incident.ApiClient;
import org.incidentplatform.incident.IncidentServiceTest;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpMethod;
import tools.jackson.databind.JsonNode;

/**
 * A heartbeat that stops pinging opens an incident through its integration and pages, within
 * period + grace + 5 s; pings resuming resolve it.
 */
@IncidentServiceTest
class HeartbeatApiTest {

    @LocalServerPort
    int port;

    @Test
    void aSilentHeartbeatOpensAndPagesAnIncidentAndResumingResolvesIt() {
        ApiClient admin = new ApiClient(port);
        ApiClient cron = new ApiClient(port, null);
        String service = "backups-" + UUID.randomUUID().toString().substring(0, 8);
        String integrationId = admin.send(HttpMethod.POST, "/api/v1/integrations", """
                {"name": "hb-%s", "type": "ALERTMANAGER", "settings": {"autoResolve": true}}""".formatted(service))
                .text("/integration/id");
        String ada = person(admin);
        assertThat(admin.send(HttpMethod.POST, "/api/v1/escalation-policies", """
                {"name": "hb-%s", "rounds": 1, "services": ["%s"],
                 "steps": [{"targets": [{"type": "PERSON", "id": "%s"}], "acknowledgeWithin": "PT10M"}]}"""
                .formatted(service, service, ada)).status()).isEqualTo(201);
        var created = admin.send(HttpMethod.POST, "/api/v1/heartbeats", """
                {"name": "%s", "integrationId": "%s", "period": "PT2S", "grace": "PT1S",
                 "labels": {"service": "%s", "severity": "critical"}}""".formatted(service, integrationId, service));
        assertThat(created.status()).as(created.body().toString()).isEqualTo(201);
        String pingPath = created.text("/pingPath");
        String heartbeatId = created.text("/heartbeat/id");

        assertThat(cron.send(HttpMethod.POST, pingPath, null).status()).isEqualTo(200);
        var lastPing = cron.get(pingPath);
        assertThat(lastPing.status()).as("GET pings too, for cron one-liners").isEqualTo(200);
        Instant silentSince = Instant.parse(lastPing.text("/receivedAt"));

        await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> {
            JsonNode opened = incidentOf(admin, service);
            assertThat(opened == null ? 0 : opened.path("escalation").path("pages").size())
                    .as("pages; heartbeat %s; incident %s", admin.get("/api/v1/heartbeats/" + heartbeatId).body(), opened)
                    .isEqualTo(1);
        });
        JsonNode incident = incidentOf(admin, service);
        Instant paged = Instant.parse(incident.path("escalation").path("pages").get(0).path("pagedAt").asString());
        System.out.printf("Heartbeat silent since %s: paged %d ms later (period 2 s + grace 1 s)%n", silentSince,
                Duration.between(silentSince, paged).toMillis());
        assertThat(Duration.between(silentSince, paged)).as("within period + grace + 5 s").isLessThan(Duration.ofSeconds(8));
        assertThat(incident.path("severity").asString()).isEqualTo("SEV1");
        assertThat(incident.path("title").asString()).startsWith("Heartbeat " + service + " missed");
        assertThat(admin.get("/api/v1/heartbeats/" + heartbeatId).text("/state")).isEqualTo("DOWN");

        assertThat(cron.send(HttpMethod.POST, pingPath, null).status()).isEqualTo(200);
        await().atMost(Duration.ofSeconds(10)).until(() -> "RESOLVED".equals(incidentOf(admin, service).path("status").asString()));
        assertThat(admin.get("/api/v1/heartbeats/" + heartbeatId).text("/state")).isEqualTo("UP");
        // One alert stream per heartbeat: still one incident.
        assertThat(admin.get("/api/v1/incidents?service=" + service).body().path("items")).hasSize(1);
    }

    @Test
    void anUnknownKeyIsRefusedAndAHeartbeatNeedsAnIntegration() {
        ApiClient admin = new ApiClient(port);
        assertThat(new ApiClient(port, null).send(HttpMethod.POST, "/api/v1/heartbeats/not-a-key/ping", null).status())
                .isEqualTo(404);
        var refused = admin.send(HttpMethod.POST, "/api/v1/heartbeats",
                "{\"name\": \"orphan\", \"integrationId\": \"int-none\", \"period\": \"PT1M\"}");
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.text("/detail")).contains("int-none");
        var tooShort = admin.send(HttpMethod.POST, "/api/v1/heartbeats",
                "{\"name\": \"fast\", \"integrationId\": \"int-none\", \"period\": \"PT0.1S\"}");
        assertThat(tooShort.status()).isEqualTo(400);
    }

    private static JsonNode incidentOf(ApiClient admin, String service) {
        JsonNode items = admin.get("/api/v1/incidents?service=" + service).body().path("items");
        return items.isEmpty() ? null : admin.get("/api/v1/incidents/" + items.get(0).path("id").asString()).body();
    }

    private static String person(ApiClient admin) {
        String email = "p" + UUID.randomUUID() + "@example.com";
        return admin.send(HttpMethod.POST, "/api/v1/people", """
                {"name": "Heartbeat Watcher", "email": "%s", "timeZone": "UTC",
                 "contactMethods": [{"type": "EMAIL", "address": "%s"}]}""".formatted(email, email)).text("/id");
    }
}
