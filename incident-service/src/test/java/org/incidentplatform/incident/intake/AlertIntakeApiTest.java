package org.incidentplatform.incident.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.incidentplatform.incident.ApiClient;
import org.incidentplatform.incident.IncidentServiceTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpMethod;
import tools.jackson.databind.JsonNode;

@IncidentServiceTest
class AlertIntakeApiTest {

    @LocalServerPort
    int port;

    private ApiClient admin;
    private ApiClient sender;
    private String service;

    @BeforeEach
    void setUp() {
        admin = new ApiClient(port);
        sender = new ApiClient(port, null);
        service = "svc-" + UUID.randomUUID().toString().substring(0, 8);
    }

    @Test
    void anAlertmanagerAlertOpensAnIncidentShowingItsLabelsAndLinksAndItsResolutionAutoResolvesIt() {
        String key = IntakeFixtures.createIntegration(admin, "ALERTMANAGER", "{}");

        var accepted = sender.send(HttpMethod.POST, "/api/v1/integrations/" + key + "/alertmanager",
                IntakeFixtures.alertmanager(service, "fp-" + service));
        assertThat(accepted.status()).isEqualTo(202);

        JsonNode incident = awaitOnlyIncidentOf(service);
        assertThat(incident.get("title").asString()).isEqualTo("API 5xx rate above 5% on api-1");
        assertThat(incident.get("severity").asString()).isEqualTo("SEV1");
        JsonNode alert = incident.get("alerts").get(0);
        assertThat(alert.get("labels").get("instance").asString()).isEqualTo("api-1:8080");
        assertThat(alert.get("annotations").get("runbook_url").asString()).startsWith("https://runbooks.example");
        assertThat(alert.get("links").toString()).contains("prometheus.example:9090/graph");
        assertThat(alert.get("fireCount").asInt()).isEqualTo(1);
        JsonNode events = admin.get("/api/v1/incidents/" + incident.get("id").asString() + "/events").body().get("events");
        assertThat(events.get(1).get("type").asString()).isEqualTo("org.incidentplatform.incident.alert-attached.v1");
        assertThat(events.get(1).get("payload").get("labels").get("alertname").asString()).isEqualTo("HighErrorRate");
        assertThat(events.get(1).get("actor").asString()).startsWith("integration:alertmanager-");

        var resolved = sender.send(HttpMethod.POST, "/api/v1/integrations/" + key + "/alertmanager",
                IntakeFixtures.alertmanagerResolved(service, "fp-" + service));
        assertThat(resolved.status()).isEqualTo(202);
        String id = incident.get("id").asString();
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
                assertThat(admin.get("/api/v1/incidents/" + id).text("/status")).isEqualTo("RESOLVED"));
        JsonNode last = lastEvent(id);
        assertThat(last.get("type").asString()).isEqualTo("org.incidentplatform.incident.resolved.v1");
        assertThat(last.get("actor").asString()).startsWith("integration:alertmanager-");
    }

    @Test
    void grafanaWebhooksAreAcceptedByPostAndPutWithBearerOrBasicCredentials() {
        String key = IntakeFixtures.createIntegration(admin, "GRAFANA", "{}");

        var byPath = sender.send(HttpMethod.PUT, "/api/v1/integrations/" + key + "/grafana",
                IntakeFixtures.grafana(service, "g-1"));
        var byBearer = sender.exchange(HttpMethod.POST, "/api/v1/alerts/grafana", IntakeFixtures.grafana(service, "g-1"),
                Map.of("Authorization", "Bearer " + key));
        String basic = Base64.getEncoder().encodeToString(("grafana:" + key).getBytes());
        var byBasic = sender.exchange(HttpMethod.POST, "/api/v1/alerts/grafana", IntakeFixtures.grafana(service, "g-1"),
                Map.of("Authorization", "Basic " + basic));

        assertThat(List.of(byPath.status(), byBearer.status(), byBasic.status())).containsOnly(202);
        JsonNode incident = awaitOnlyIncidentOf(service);
        assertThat(incident.get("severity").asString()).isEqualTo("SEV3");
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(admin.get("/api/v1/incidents/"
                + incident.get("id").asString()).body().get("alerts").get(0).get("fireCount").asInt()).isEqualTo(3));
        assertThat(incident.get("alerts").get(0).get("links").toString()).contains("Silence", "Dashboard", "Panel");
    }

    @Test
    void anUnknownKeyIsA404AndAMissingOneA401() {
        assertThat(sender.send(HttpMethod.POST, "/api/v1/integrations/no-such-key/alertmanager",
                IntakeFixtures.alertmanager(service, "x")).status()).isEqualTo(404);
        var missing = sender.send(HttpMethod.POST, "/api/v1/alerts/alertmanager", IntakeFixtures.alertmanager(service, "x"));
        assertThat(missing.status()).isEqualTo(401);
        assertThat(missing.header("Content-Type")).startsWith("application/problem+json");
    }

    @Test
    void fiftyConcurrentIdenticalTriggersOpenOneIncidentThatCountsFiftyFires() throws Exception {
        String key = IntakeFixtures.createIntegration(admin, "ALERTMANAGER", "{}");
        String body = IntakeFixtures.alertmanager(service, "fp-burst-" + service);

        List<Integer> statuses = postConcurrently(50, () -> sender.send(HttpMethod.POST,
                "/api/v1/integrations/" + key + "/alertmanager", body).status());

        assertThat(statuses).hasSize(50).containsOnly(202);
        JsonNode incident = awaitOnlyIncidentOf(service);
        assertThat(incident.get("alerts")).hasSize(1);
        // Requests beyond the eighth at once are queued and answered; they reach the alert just after.
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(admin.get("/api/v1/incidents/"
                + incident.get("id").asString()).body().get("alerts").get(0).get("fireCount").asInt()).isEqualTo(50));
        assertThat(incidentsOf(service)).as("still one incident").hasSize(1);
    }

    @Test
    void anEventsApiTriggerAcknowledgeAndResolveDriveOneIncidentAndALaterTriggerOpensALinkedNewOne() {
        String key = IntakeFixtures.createIntegration(admin, "EVENTS_V2", "{}");
        String dedupKey = "checkout/latency/" + service;

        var triggered = sender.send(HttpMethod.POST, "/v2/enqueue", IntakeFixtures.eventsV2(key, "trigger", dedupKey, service));
        assertThat(triggered.status()).isEqualTo(202);
        assertThat(triggered.body().toString())
                .isEqualTo("{\"status\":\"success\",\"message\":\"Event processed\",\"dedup_key\":\"" + dedupKey + "\"}");
        String first = awaitOnlyIncidentOf(service).get("id").asString();

        assertThat(sender.send(HttpMethod.POST, "/api/v1/events/enqueue",
                IntakeFixtures.eventsV2(key, "acknowledge", dedupKey, service)).status()).isEqualTo(202);
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
                assertThat(admin.get("/api/v1/incidents/" + first).text("/status")).isEqualTo("ACKNOWLEDGED"));
        assertThat(sender.send(HttpMethod.POST, "/api/v1/events/enqueue",
                IntakeFixtures.eventsV2(key, "resolve", dedupKey, service)).status()).isEqualTo(202);
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
                assertThat(admin.get("/api/v1/incidents/" + first).text("/status")).isEqualTo("RESOLVED"));

        sender.send(HttpMethod.POST, "/v2/enqueue", IntakeFixtures.eventsV2(key, "trigger", dedupKey, service));
        await().atMost(Duration.ofSeconds(20)).until(() -> incidentsOf(service).size() == 2);
        JsonNode second = incidentsOf(service).stream()
                .filter(incident -> !incident.get("id").asString().equals(first)).findFirst().orElseThrow();
        assertThat(second.get("id").asString()).isNotEqualTo(first);
        assertThat(second.get("status").asString()).isEqualTo("TRIGGERED");
        assertThat(admin.get("/api/v1/incidents/" + second.get("id").asString()).body()
                .get("alerts").get(0).get("previousIncidentId").asString()).isEqualTo(first);
    }

    @Test
    void aTriggerWithoutDedupKeyGetsOneGenerated() {
        String key = IntakeFixtures.createIntegration(admin, "EVENTS_V2", "{}");
        String body = IntakeFixtures.eventsV2(key, "trigger", "x", service).replace("\"dedup_key\": \"x\",", "");

        var accepted = sender.send(HttpMethod.POST, "/v2/enqueue", body);

        assertThat(accepted.status()).isEqualTo(202);
        assertThat(accepted.text("/dedup_key")).hasSizeGreaterThan(10);
    }

    private List<JsonNode> incidentsOf(String serviceName) {
        List<JsonNode> items = new ArrayList<>();
        admin.get("/api/v1/incidents?service=" + serviceName).body().get("items").forEach(items::add);
        return items;
    }

    private JsonNode awaitOnlyIncidentOf(String serviceName) {
        await().atMost(Duration.ofSeconds(20)).until(() -> incidentsOf(serviceName).size() == 1
                && !incidentsOf(serviceName).getFirst().get("alerts").isEmpty());
        return admin.get("/api/v1/incidents/" + incidentsOf(serviceName).getFirst().get("id").asString()).body();
    }

    private JsonNode lastEvent(String incidentId) {
        JsonNode events = admin.get("/api/v1/incidents/" + incidentId + "/events").body().get("events");
        return events.get(events.size() - 1);
    }

    static List<Integer> postConcurrently(int count, Callable<Integer> post) throws Exception {
        try (var pool = Executors.newFixedThreadPool(count)) {
            List<Future<Integer>> results = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                results.add(pool.submit(post));
            }
            List<Integer> statuses = new ArrayList<>();
            for (Future<Integer> result : results) {
                statuses.add(result.get());
            }
            return statuses;
        }
    }
}
