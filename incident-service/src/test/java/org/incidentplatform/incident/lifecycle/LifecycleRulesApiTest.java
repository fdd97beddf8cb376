package org.incidentplatform.incident.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.UUID;
import org.incidentplatform.incident.ApiClient;
import org.incidentplatform.incident.IncidentServiceTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpMethod;

/** The rules as an API client meets them, end to end against the real event store. */
@IncidentServiceTest
class LifecycleRulesApiTest {

    @LocalServerPort
    int port;

    private ApiClient api;
    private String base;

    @BeforeEach
    void openIncident() {
        api = new ApiClient(port);
        base = "/api/v1/incidents/" + api.send(HttpMethod.POST, "/api/v1/incidents",
                "{\"title\":\"Checkout slow\",\"severity\":\"SEV3\"}").text("/id");
    }

    @Test
    void acknowledgingAResolvedIncidentIsA409NamingTheCurrentStatus() {
        api.send(HttpMethod.POST, base + "/resolve", "{\"resolution\":\"Cache warmed\"}");

        var refused = api.send(HttpMethod.POST, base + "/acknowledge", null);

        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.text("/currentStatus")).isEqualTo("RESOLVED");
        assertThat(refused.body().get("allowedActions").toString()).contains("REOPEN", "CLOSE");
        assertThat(api.get(base + "/events").body().get("events")).hasSize(2);
    }

    @Test
    void aStaleIfMatchIsA412AndStoresNothing() {
        var acknowledged = api.exchange(HttpMethod.POST, base + "/acknowledge", null, Map.of("If-Match", "\"0\""));
        assertThat(acknowledged.status()).isEqualTo(200);
        assertThat(acknowledged.header("ETag")).isEqualTo("\"1\"");

        var stale = api.exchange(HttpMethod.POST, base + "/status",
                "{\"status\":\"investigating\",\"message\":\"Looking\"}", Map.of("If-Match", "\"0\""));

        assertThat(stale.status()).isEqualTo(412);
        assertThat(stale.body().get("currentVersion").asLong()).isEqualTo(1);
        assertThat(api.get(base + "/events").body().get("events")).hasSize(2);
    }

    @Test
    void theSameIdempotencyKeyTwiceStoresOneEventAndReturnsTheOriginalResponse() {
        Map<String, String> key = Map.of("Idempotency-Key", "note-" + UUID.randomUUID());
        String note = "{\"text\":\"Customer reports timeouts\"}";

        var first = api.exchange(HttpMethod.POST, base + "/notes", note, key);
        var repeat = api.exchange(HttpMethod.POST, base + "/notes", note, key);

        assertThat(first.status()).isEqualTo(200);
        assertThat(repeat.status()).isEqualTo(200);
        assertThat(repeat.body()).isEqualTo(first.body());
        assertThat(repeat.header("ETag")).isEqualTo(first.header("ETag"));
        assertThat(repeat.header("Idempotent-Replayed")).isEqualTo("true");
        assertThat(api.get(base + "/events").body().get("events")).hasSize(2);
    }

    @Test
    void reusingAnIdempotencyKeyForADifferentRequestIsA422() {
        Map<String, String> key = Map.of("Idempotency-Key", "k-" + UUID.randomUUID());
        api.exchange(HttpMethod.POST, base + "/notes", "{\"text\":\"one\"}", key);

        var reused = api.exchange(HttpMethod.POST, base + "/notes", "{\"text\":\"two\"}", key);

        assertThat(reused.status()).isEqualTo(422);
        assertThat(api.get(base + "/events").body().get("events")).hasSize(2);
    }

    @Test
    void closingBeforeResolvingIsA409AndClosingAfterIsAllowed() {
        assertThat(api.send(HttpMethod.POST, base + "/close", null).status()).isEqualTo(409);
        api.send(HttpMethod.POST, base + "/resolve", "{\"resolution\":\"Fixed\"}");
        assertThat(api.send(HttpMethod.POST, base + "/close", null).text("/status")).isEqualTo("CLOSED");
    }

    @Test
    void commandsOnAnUnknownIncidentAre404() {
        var missing = api.send(HttpMethod.POST, "/api/v1/incidents/" + UUID.randomUUID() + "/acknowledge", null);

        assertThat(missing.status()).isEqualTo(404);
        assertThat(missing.text("/title")).isEqualTo("Incident not found");
    }

    @Test
    void incidentsAreListedNewestFirstWithAStableCursor() {
        String service = "svc-" + UUID.randomUUID();
        for (int hour = 1; hour <= 5; hour++) {
            api.send(HttpMethod.POST, "/api/v1/incidents", """
                    {"title":"Incident %d","severity":"SEV4","services":["%s"],"startedAt":"2026-11-01T0%d:00:00Z"}"""
                    .formatted(hour, service, hour));
        }

        var firstPage = api.get("/api/v1/incidents?service=" + service + "&limit=2");
        var secondPage = api.get("/api/v1/incidents?service=" + service + "&limit=2&cursor=" + firstPage.text("/nextCursor"));
        var lastPage = api.get("/api/v1/incidents?service=" + service + "&limit=2&cursor=" + secondPage.text("/nextCursor"));

        assertThat(firstPage.body().get("items").findValuesAsString("title")).containsExactly("Incident 5", "Incident 4");
        assertThat(secondPage.body().get("items").findValuesAsString("title")).containsExactly("Incident 3", "Incident 2");
        assertThat(lastPage.body().get("items").findValuesAsString("title")).containsExactly("Incident 1");
        assertThat(lastPage.body().get("nextCursor").isNull()).isTrue();
        assertThat(api.get("/api/v1/incidents?cursor=not-ours").status()).isEqualTo(400);
        assertThat(api.get("/api/v1/incidents?status=NOT_A_STATUS").status()).isEqualTo(400);
    }
}
