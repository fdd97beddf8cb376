package org.incidentplatform.incident.intake;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.incidentplatform.incident.ApiClient;
import org.incidentplatform.incident.IncidentServiceTest;
import org.incidentplatform.incident.web.RequestOrigin;
import org.incidentplatform.incident.StoredEventsSince;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpMethod;

/**
 * Malformed payloads of every kind against the three intake endpoints: each gets a precise 4xx
 * and stores nothing. Every request carries its own correlation id, and afterwards no stored
 * event may carry any of them.
 */
@IncidentServiceTest
class MalformedIntakeCorpusTest {

    @LocalServerPort
    int port;

    @Autowired
    EventStore eventStore;

    private record Case(String name, String endpoint, String body, int expectedStatus) {
    }

    @Test
    void everyMalformedPayloadIsRefusedPreciselyAndStoresNothing() {
        StoredEventsSince stored = StoredEventsSince.now(eventStore);
        ApiClient admin = new ApiClient(port);
        String amKey = IntakeFixtures.createIntegration(admin, "ALERTMANAGER", "{}");
        String pdKey = IntakeFixtures.createIntegration(admin, "EVENTS_V2", "{}");
        String am = "/api/v1/integrations/" + amKey + "/alertmanager";
        String grafana = "/api/v1/integrations/" + amKey + "/grafana";
        String pd = "/v2/enqueue";
        String valid = IntakeFixtures.alertmanager("corpus", "fp-corpus");
        String alert = "{\"status\":\"firing\",\"labels\":{\"alertname\":\"X\"}}";
        String deep = "[".repeat(2000) + "]".repeat(2000);

        List<Case> corpus = List.of(
                new Case("not JSON", am, "this is not json", 400),
                new Case("a JSON array", am, "[]", 400),
                new Case("empty object", am, "{}", 400),
                new Case("alerts not a list", am, "{\"status\":\"firing\",\"alerts\":\"x\"}", 400),
                new Case("no alerts", am, "{\"status\":\"firing\",\"alerts\":[]}", 400),
                new Case("null alert", am, "{\"status\":\"firing\",\"alerts\":[null]}", 400),
                new Case("alert without labels", am, "{\"status\":\"firing\",\"alerts\":[{\"status\":\"firing\"}]}", 400),
                new Case("unknown alert status", am, valid.replaceFirst("\"status\": \"firing\",\\s*\"labels\"", "\"status\": \"burning\", \"labels\""), 400),
                new Case("labels as a list", am, "{\"status\":\"firing\",\"alerts\":[{\"status\":\"firing\",\"labels\":[\"a\"]}]}", 400),
                new Case("bad startsAt", am, valid.replace("2026-11-21T09:39:30.123Z", "yesterday"), 400),
                new Case("impossible date", am, valid.replace("2026-11-21T09:39:30.123Z", "2026-13-45T99:00:00Z"), 400),
                new Case("65 labels", am, "{\"status\":\"firing\",\"alerts\":[{\"status\":\"firing\",\"labels\":" + labels(65) + "}]}", 400),
                new Case("huge label value", am, valid.replace("api-1:8080", "x".repeat(5000)), 400),
                new Case("negative truncatedAlerts", am, valid.replace("\"truncatedAlerts\": 0", "\"truncatedAlerts\": -1"), 400),
                new Case("over-long fingerprint", am, valid.replace("fp-corpus", "f".repeat(300)), 400),
                new Case("nesting 2000 deep", am, "{\"status\":\"firing\",\"alerts\":[{\"status\":\"firing\",\"labels\":{},\"values\":{\"a\":" + deep + "}}]}", 400),
                new Case("oversize body", am, "{\"status\":\"firing\",\"pad\":\"" + "x".repeat(17_000_000) + "\",\"alerts\":[" + alert + "]}", 413),
                new Case("grafana bad JSON", grafana, "{\"status\":", 400),
                new Case("operator as label name", am, "{\"status\":\"firing\",\"alerts\":[{\"status\":\"firing\",\"labels\":{\"$where\":\"1\"}}]}", 400),
                new Case("dotted annotation name", am, "{\"status\":\"firing\",\"alerts\":[{\"status\":\"firing\",\"labels\":{\"a\":\"b\"},\"annotations\":{\"a.b\":\"c\"}}]}", 400),
                new Case("events: not JSON", pd, "{{{", 400),
                new Case("events: no routing_key", pd, IntakeFixtures.eventsV2("", "trigger", "d", "c"), 400),
                new Case("events: unknown action", pd, IntakeFixtures.eventsV2(pdKey, "explode", "d", "c"), 400),
                new Case("events: trigger without payload", pd, "{\"routing_key\":\"" + pdKey + "\",\"event_action\":\"trigger\"}", 400),
                new Case("events: unknown severity", pd, IntakeFixtures.eventsV2(pdKey, "trigger", "d", "c").replace("\"error\"", "\"fatal\""), 400),
                new Case("events: summary over 1024", pd, IntakeFixtures.eventsV2(pdKey, "trigger", "d", "c").replace("Checkout latency p99 above 2 s", "s".repeat(1025)), 400),
                new Case("events: dedup_key over 255", pd, IntakeFixtures.eventsV2(pdKey, "trigger", "d".repeat(256), "c"), 400),
                new Case("events: bad timestamp", pd, IntakeFixtures.eventsV2(pdKey, "trigger", "d", "c").replace("2026-11-21T09:41:00.000+00:00", "not-a-time"), 400),
                new Case("events: resolve without dedup_key", pd, "{\"routing_key\":\"" + pdKey + "\",\"event_action\":\"resolve\"}", 400),
                new Case("events: javascript link", pd, IntakeFixtures.eventsV2(pdKey, "trigger", "d", "c").replace("https://grafana.example/d/checkout\", \"text\"", "javascript:alert(1)\", \"text\""), 400),
                new Case("events: wrong type for payload", pd, "{\"routing_key\":\"" + pdKey + "\",\"event_action\":\"trigger\",\"payload\":5}", 400));

        Set<String> correlationIds = new HashSet<>();
        List<String> wrong = new ArrayList<>();
        ApiClient sender = new ApiClient(port, null);
        for (Case c : corpus) {
            String correlationId = "corpus-" + UUID.randomUUID();
            correlationIds.add(correlationId);
            var response = sender.exchange(HttpMethod.POST, c.endpoint(), c.body(), Map.of(RequestOrigin.CORRELATION_HEADER, correlationId));
            boolean precise = c.endpoint().equals(pd)
                    ? response.text("/status").equals("invalid event") && !response.body().get("errors").isEmpty()
                    : response.header("Content-Type").startsWith("application/problem+json") && !response.text("/detail").isBlank();
            if (response.status() != c.expectedStatus() || !precise) {
                wrong.add(c.name() + ": " + response.status() + " " + response.body());
            }
        }

        assertThat(corpus).hasSizeGreaterThanOrEqualTo(20);
        assertThat(wrong).isEmpty();
        assertThat(stored.correlatedWith(correlationIds)).isZero();
    }

    private static String labels(int count) {
        StringBuilder json = new StringBuilder("{");
        for (int i = 0; i < count; i++) {
            json.append(i == 0 ? "" : ",").append("\"l").append(i).append("\":\"v\"");
        }
        return json.append('}').toString();
    }
}
