package org.incidentplatform.incident.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.HashSet;
import java.util.Set;
import java.util.UUID;
import org.incidentplatform.incident.ApiClient;
import org.incidentplatform.incident.IncidentServiceTest;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpMethod;
import tools.jackson.databind.JsonNode;

/**
 * A data-centre outage: one Alertmanager group larger than we store. Alertmanager does not retry
 * a 4xx, so the group must be taken (up to the configured 10,000 alerts, the rest reported as
 * truncated), land on one incident, and stay cheap to read.
 */
@IncidentServiceTest
class StormGroupApiTest {

    private static final int SENT = 12_000;
    private static final int STORED = 10_000;

    @LocalServerPort
    int port;

    @Test
    void aGroupAboveTheMaximumIsAcceptedOnOneIncidentWithTheRestReportedAsTruncatedAndItsResolutionEndsIt() {
        ApiClient admin = new ApiClient(port);
        ApiClient sender = new ApiClient(port, null);
        String service = "storm-" + UUID.randomUUID().toString().substring(0, 8);
        String key = IntakeFixtures.createIntegration(admin, "ALERTMANAGER", "{\"grouping\": \"PER_GROUP\"}");
        String path = "/api/v1/integrations/" + key + "/alertmanager";

        var accepted = sender.send(HttpMethod.POST, path, group(service, "firing", SENT));

        assertThat(accepted.status()).isEqualTo(202);
        assertThat(accepted.body().get("accepted").asInt()).isEqualTo(STORED);
        assertThat(accepted.body().get("truncatedAlerts").asInt()).isEqualTo(SENT - STORED);
        assertThat(accepted.body().get("queued").asInt()).as("stored as received, sent to the incident after the answer")
                .isEqualTo(STORED);
        String id = await().atMost(Duration.ofSeconds(60)).until(() -> {
            JsonNode items = admin.get("/api/v1/incidents?service=" + service).body().get("items");
            return items.size() == 1 ? items.get(0).get("id").asString() : null;
        }, found -> found != null);
        await().atMost(Duration.ofSeconds(120)).untilAsserted(() ->
                assertThat(admin.get("/api/v1/incidents/" + id + "/alerts?limit=1").body().get("total").asLong())
                        .isEqualTo(STORED));
        JsonNode incident = admin.get("/api/v1/incidents/" + id).body();
        assertThat(incident.get("alerts").size()).isEqualTo(20);
        assertThat(incident.get("alertCount").asLong()).isEqualTo(STORED);
        assertThat(incident.get("firingAlertCount").asInt()).isEqualTo(STORED);
        assertThat(allAlertKeysOf(admin, id)).hasSize(STORED);

        assertThat(sender.send(HttpMethod.POST, path, group(service, "resolved", SENT)).status()).isEqualTo(202);
        await().atMost(Duration.ofSeconds(120)).untilAsserted(() -> {
            JsonNode now = admin.get("/api/v1/incidents/" + id).body();
            assertThat(now.get("status").asString()).isEqualTo("RESOLVED");
            assertThat(now.get("firingAlertCount").asInt()).isZero();
        });
    }

    private static Set<String> allAlertKeysOf(ApiClient admin, String id) {
        Set<String> keys = new HashSet<>();
        String cursor = null;
        do {
            JsonNode page = admin.get("/api/v1/incidents/" + id + "/alerts?limit=500"
                    + (cursor == null ? "" : "&cursor=" + cursor)).body();
            page.get("items").forEach(alert -> keys.add(alert.get("alertKey").asString()));
            cursor = page.get("nextCursor").isNull() ? null : page.get("nextCursor").asString();
        } while (cursor != null);
        return keys;
    }

    /** As Alertmanager sends a group: one groupKey, every alert with its own fingerprint. */
    static String group(String service, String status, int size) {
        String endsAt = status.equals("firing") ? "0001-01-01T00:00:00Z" : "2026-11-21T10:11:30Z";
        StringBuilder alerts = new StringBuilder();
        for (int i = 0; i < size; i++) {
            if (i > 0) {
                alerts.append(',');
            }
            alerts.append("""
                    {"status":"%s","labels":{"alertname":"HostDown","service":"%s","instance":"host-%d:9100","severity":"critical"},\
                    "annotations":{"summary":"host-%d is unreachable"},"startsAt":"2026-11-21T09:39:30Z","endsAt":"%s",\
                    "generatorURL":"http://prometheus.example:9090/graph","fingerprint":"%s-%d"}"""
                    .formatted(status, service, i, i, endsAt, service, i));
        }
        return """
                {"version":"4","groupKey":"{}:{alertname=\\"HostDown\\",service=\\"%s\\"}","truncatedAlerts":0,"status":"%s",\
                "receiver":"incident-platform","groupLabels":{"alertname":"HostDown"},"commonLabels":{"alertname":"HostDown"},\
                "commonAnnotations":{},"externalURL":"http://alertmanager:9093","alerts":[%s]}"""
                .formatted(service, status, alerts);
    }
}
