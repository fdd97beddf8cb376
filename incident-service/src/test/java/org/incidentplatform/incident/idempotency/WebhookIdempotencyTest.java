package org.incidentplatform.incident.idempotency;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.incidentplatform.incident.ApiClient;
import org.incidentplatform.incident.IncidentServiceTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.http.HttpMethod;

/** Idempotency-Key on the public webhooks and on API writes: who shares answers, which are kept, for how long. */
@IncidentServiceTest
class WebhookIdempotencyTest {

    private static final String WEBHOOK = "/api/v1/alerts/alertmanager";

    @LocalServerPort
    int port;

    @Autowired
    MongoTemplate mongo;

    @Autowired
    IdempotencySweeper sweeper;

    private ApiClient admin;
    private ApiClient anonymous;

    @BeforeEach
    void setUp() {
        admin = new ApiClient(port);
        anonymous = new ApiClient(port, null);
    }

    @Test
    void twoIntegrationsUsingTheSameKeyDoNotSeeEachOthersAnswers() {
        String body = alertmanager();
        Map<String, String> first = headers(integration(), "shared-key");
        Map<String, String> second = headers(integration(), "shared-key");

        var a = anonymous.exchange(HttpMethod.POST, WEBHOOK, body, first);
        var b = anonymous.exchange(HttpMethod.POST, WEBHOOK, body, second);

        assertThat(a.status()).isEqualTo(202);
        assertThat(b.status()).isEqualTo(202);
        assertThat(b.header("Idempotent-Replayed")).isNull();
    }

    @Test
    void aRequestThatFailedAuthenticationIsNotStoredSoTheRetryWithAValidKeyIsProcessed() {
        String idempotencyKey = "k-" + UUID.randomUUID();
        String body = alertmanager();

        var unauthenticated = anonymous.exchange(HttpMethod.POST, WEBHOOK, body, Map.of("Idempotency-Key", idempotencyKey));
        var fixed = anonymous.exchange(HttpMethod.POST, WEBHOOK, body, headers(integration(), idempotencyKey));

        assertThat(unauthenticated.status()).isEqualTo(401);
        assertThat(fixed.status()).isEqualTo(202);
        assertThat(fixed.header("Idempotent-Replayed")).isNull();
    }

    @Test
    void aSecondDeliveryOfTheSameWebhookIsReplayedWithinItsIntegration() {
        Map<String, String> headers = headers(integration(), "k-" + UUID.randomUUID());
        String body = alertmanager();

        anonymous.exchange(HttpMethod.POST, WEBHOOK, body, headers);
        var repeat = anonymous.exchange(HttpMethod.POST, WEBHOOK, body, headers);

        assertThat(repeat.status()).isEqualTo(202);
        assertThat(repeat.header("Idempotent-Replayed")).isEqualTo("true");
    }

    @Test
    void aConflictIsNotReplayedSoTheSameRequestSucceedsOnceTheStateAllowsIt() {
        String incident = "/api/v1/incidents/" + admin.send(HttpMethod.POST, "/api/v1/incidents",
                "{\"title\":\"Checkout slow\",\"severity\":\"SEV3\"}").text("/id");
        Map<String, String> key = Map.of("Idempotency-Key", "close-" + UUID.randomUUID());

        var tooEarly = admin.exchange(HttpMethod.POST, incident + "/close", null, key);
        admin.send(HttpMethod.POST, incident + "/resolve", "{\"resolution\":\"Fixed\"}");
        var closed = admin.exchange(HttpMethod.POST, incident + "/close", null, key);

        assertThat(tooEarly.status()).isEqualTo(409);
        assertThat(closed.status()).isEqualTo(200);
        assertThat(closed.text("/status")).isEqualTo("CLOSED");
    }

    @Test
    void recordsCarryAnExpiryAndTheSweepForgetsThemOnceItPassed() {
        Map<String, String> headers = headers(integration(), "k-" + UUID.randomUUID());
        String body = alertmanager();
        Instant before = Instant.now();
        anonymous.exchange(HttpMethod.POST, WEBHOOK, body, headers);

        IdempotencyRecord record = newestRecordSince(before);
        assertThat(record.expiresAt()).isBetween(before.plus(Duration.ofHours(24)), Instant.now().plus(Duration.ofHours(24)));
        mongo.updateFirst(Query.query(org.springframework.data.mongodb.core.query.Criteria.where("_id").is(record.id())),
                Update.update("expiresAt", Instant.now().minusSeconds(1)), IdempotencyRecord.class);
        sweeper.sweep();

        assertThat(mongo.findById(record.id(), IdempotencyRecord.class)).isNull();
        var repeat = anonymous.exchange(HttpMethod.POST, WEBHOOK, body, headers);
        assertThat(repeat.status()).isEqualTo(202);
        assertThat(repeat.header("Idempotent-Replayed")).isNull();
    }

    private IdempotencyRecord newestRecordSince(Instant since) {
        return mongo.findAll(IdempotencyRecord.class).stream()
                .filter(r -> r.completed() && !r.createdAt().isBefore(since.minusMillis(1)))
                .max(java.util.Comparator.comparing(IdempotencyRecord::createdAt)).orElseThrow();
    }

    private String integration() {
        var created = admin.send(HttpMethod.POST, "/api/v1/integrations", """
                {"name": "idempotency-%s", "type": "ALERTMANAGER", "settings": {}}"""
                .formatted(UUID.randomUUID().toString().substring(0, 8)));
        assertThat(created.status()).isEqualTo(201);
        return created.text("/key");
    }

    private static Map<String, String> headers(String integrationKey, String idempotencyKey) {
        return Map.of("Authorization", "Bearer " + integrationKey, "Idempotency-Key", idempotencyKey);
    }

    private static String alertmanager() {
        String service = "idem-" + UUID.randomUUID().toString().substring(0, 8);
        return """
                {"version": "4", "groupKey": "{}:{alertname=\\"Down\\"}", "status": "firing", "receiver": "incidents",
                 "groupLabels": {}, "commonLabels": {}, "commonAnnotations": {}, "externalURL": "http://am.example",
                 "alerts": [{"status": "firing", "labels": {"alertname": "Down", "service": "%s", "severity": "warning"},
                   "annotations": {"summary": "Down"}, "startsAt": "2026-11-21T09:40:00Z",
                   "endsAt": "0001-01-01T00:00:00Z", "generatorURL": "http://prom.example", "fingerprint": "%s"}]}"""
                .formatted(service, service);
    }
}
