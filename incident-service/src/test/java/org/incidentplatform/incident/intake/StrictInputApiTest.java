package org.incidentplatform.incident.intake;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.incidentplatform.incident.ApiClient;
import org.incidentplatform.incident.IncidentServiceTest;
import org.incidentplatform.incident.web.RequestOrigin;
import org.incidentplatform.incident.StoredEventsSince;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpMethod;

/**
 * The review's reproductions against incident-service: no coercion, no malformed or control text,
 * on the REST API and the webhooks; a '.' in a severity mapping key; and no integration key in the
 * {@code instance} of an error answer. Every refusal is a 400 naming the field and stores nothing;
 * what the real senders send is still accepted.
 */
@IncidentServiceTest
class StrictInputApiTest {

    @LocalServerPort
    int port;

    @Autowired
    EventStore eventStore;

    private final Set<String> correlationIds = new HashSet<>();
    private StoredEventsSince stored;

    @BeforeEach
    void markTheStore() {
        stored = StoredEventsSince.now(eventStore);
    }

    @Test
    void aNumberForTheTitleIsA400NamingTheFieldAndStoresNothing() {
        var response = post("/api/v1/incidents", "{\"title\": 12, \"severity\": \"SEV2\"}");

        assertField(response, 400, "title", "must be a string");
        assertThat(stored.correlatedWith(correlationIds)).isZero();
    }

    @Test
    void aNumberForTheSeverityIsNotAnEnumPosition() {
        assertField(post("/api/v1/incidents", "{\"title\": \"Checkout down\", \"severity\": 1}"), 400, "severity",
                "must be one of SEV1, SEV2, SEV3, SEV4");
        assertThat(stored.correlatedWith(correlationIds)).isZero();
    }

    @Test
    void anUnpairedSurrogateOrAControlCharacterInTextIsA400() {
        assertField(post("/api/v1/incidents", "{\"title\": \"\\ud800\", \"severity\": \"SEV2\"}"), 400, "title",
                "unpaired surrogate (U+D800)");
        assertField(post("/api/v1/incidents", "{\"title\": \"a\\u0000b\", \"severity\": \"SEV2\"}"), 400, "title",
                "control character U+0000");
        assertThat(stored.correlatedWith(correlationIds)).isZero();
    }

    @Test
    void aDotInASeverityMappingKeyIsA400NotA500() {
        ApiClient admin = new ApiClient(port);
        var created = admin.send(HttpMethod.POST, "/api/v1/integrations", """
                {"name": "dots-%s", "type": "ALERTMANAGER", "settings": {"severityMapping": {"p1.critical": "SEV1"}}}"""
                .formatted(UUID.randomUUID().toString().substring(0, 8)));

        assertThat(created.status()).isEqualTo(400);
        assertThat(created.body().toString()).contains("severityMapping").contains("must not contain '.'");
    }

    @Test
    void webhooksRefuseCoercionAndBadTextNamingTheFieldWithoutEchoingTheKey() {
        String key = IntakeFixtures.createIntegration(new ApiClient(port), "ALERTMANAGER", "{}");
        String webhook = "/api/v1/integrations/" + key + "/alertmanager";
        String valid = IntakeFixtures.alertmanager("strict", "fp-strict-" + UUID.randomUUID());

        var numberStatus = post(webhook, valid.replaceFirst("\"status\": \"firing\"", "\"status\": 1"), null);
        var controlLabel = post(webhook, valid.replace("api-1:8080", "api-1\\u001b[2J"), null);

        assertField(numberStatus, 400, "status", "must be a string");
        assertThat(controlLabel.status()).isEqualTo(400);
        assertThat(controlLabel.body().at("/errors/0/field").asString()).startsWith("alerts[0].labels");
        for (var response : java.util.List.of(numberStatus, controlLabel)) {
            assertThat(response.text("/instance")).isEqualTo("/api/v1/integrations/****/alertmanager");
            assertThat(response.body().toString()).doesNotContain(key);
        }
        assertThat(stored.correlatedWith(correlationIds)).isZero();
    }

    @Test
    void eventsApiRefusesANumericSeverityInItsOwnShape() {
        String key = IntakeFixtures.createIntegration(new ApiClient(port), "EVENTS_V2", "{}");

        var response = post("/v2/enqueue", IntakeFixtures.eventsV2(key, "trigger", "d-" + UUID.randomUUID(), "c")
                .replace("\"severity\": \"error\"", "\"severity\": 3"), null);

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.text("/status")).isEqualTo("invalid event");
        assertThat(response.body().path("errors").toString()).contains("'payload.severity' must be a string");
        assertThat(stored.correlatedWith(correlationIds)).isZero();
    }

    @Test
    void whatRealSendersSendIsStillAccepted() {
        String amKey = IntakeFixtures.createIntegration(new ApiClient(port), "ALERTMANAGER", "{}");
        String grafanaKey = IntakeFixtures.createIntegration(new ApiClient(port), "GRAFANA", "{}");
        String pdKey = IntakeFixtures.createIntegration(new ApiClient(port), "EVENTS_V2", "{}");

        assertThat(post("/api/v1/integrations/" + amKey + "/alertmanager",
                IntakeFixtures.alertmanager("real", "fp-real-" + UUID.randomUUID()), null).status()).isEqualTo(202);
        assertThat(post("/api/v1/integrations/" + grafanaKey + "/grafana",
                IntakeFixtures.grafana("real", "fp-real-" + UUID.randomUUID()), null).status()).isEqualTo(202);
        assertThat(post("/v2/enqueue", IntakeFixtures.eventsV2(pdKey, "trigger", "d-" + UUID.randomUUID(), "c"), null)
                .status()).isEqualTo(202);
    }

    private ApiClient.Response post(String path, String body) {
        return post(path, body, ApiClient.ADMIN_KEY);
    }

    private ApiClient.Response post(String path, String body, String bearer) {
        String correlationId = "strict-" + UUID.randomUUID();
        correlationIds.add(correlationId);
        return new ApiClient(port, bearer).exchange(HttpMethod.POST, path, body,
                Map.of(RequestOrigin.CORRELATION_HEADER, correlationId));
    }

    private static void assertField(ApiClient.Response response, int status, String field, String message) {
        assertThat(response.status()).as(response.body().toString()).isEqualTo(status);
        assertThat(response.header("Content-Type")).startsWith("application/problem+json");
        assertThat(response.text("/errors/0/field")).isEqualTo(field);
        assertThat(response.text("/errors/0/pointer")).isEqualTo("/" + field);
        assertThat(response.text("/errors/0/message")).contains(message);
    }
}
