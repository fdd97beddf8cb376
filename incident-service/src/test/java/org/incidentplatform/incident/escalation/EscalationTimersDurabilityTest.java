package org.incidentplatform.incident.escalation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;
import org.incidentplatform.embedded.SharedInfrastructure;
import org.incidentplatform.incident.ApiClient;
import org.incidentplatform.incident.IncidentServiceApplication;
import org.incidentplatform.incident.IncidentServiceTest;
import org.incidentplatform.security.testing.TestCredentials;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.http.HttpMethod;
import tools.jackson.databind.JsonNode;

/**
 * Escalation timers are durable and fire once: two instances racing for the same timers page once
 * per step, and a step due while the only instance is down fires when it is back.
 */
@IncidentServiceTest
class EscalationTimersDurabilityTest {

    @LocalServerPort
    int port;

    @Test
    void twoInstancesPageEachStepExactlyOnce() {
        try (ConfigurableApplicationContext second = instance("incident-service-test")) {
            ApiClient admin = new ApiClient(port);
            String ada = person(admin, "Ada Twice");
            String service = "two-instances-" + UUID.randomUUID().toString().substring(0, 8);
            policy(admin, service, ada, 3, "PT1S", 2);
            String incidentId = open(new ApiClient(portOf(second)), service);

            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(eventTypes(admin, incidentId))
                    .anyMatch(t -> t.endsWith("escalation-stopped.v1")));
            List<JsonNode> pages = payloads(admin, incidentId, "person-paged.v1");
            assertThat(pages.stream().map(p -> p.path("round").asInt() + "/" + p.path("step").asInt()).toList())
                    .as("one page per step of each round").containsExactly("1/1", "1/2", "1/3", "2/1", "2/2", "2/3");
            assertThat(payloads(admin, incidentId, "escalation-step-reached.v1")).hasSize(6);
            assertThat(payloads(admin, incidentId, "escalation-stopped.v1").getFirst().path("reason").asString())
                    .isEqualTo("EXHAUSTED");
        }
    }

    @Test
    void aStepDueWhileTheOnlyInstanceIsDownFiresOnceWhenItIsBack() throws Exception {
        String database = "incident-service-restart-" + UUID.randomUUID().toString().substring(0, 8);
        String incidentId;
        Instant due;
        String service = "restart-" + UUID.randomUUID().toString().substring(0, 8);
        try (ConfigurableApplicationContext only = instance(database)) {
            ApiClient admin = new ApiClient(portOf(only));
            String ada = person(admin, "Ada Restart");
            policy(admin, service, ada, 2, "PT3S", 1);
            incidentId = open(admin, service);
            await().atMost(Duration.ofSeconds(10)).until(() -> !payloads(admin, incidentId, "escalation-step-reached.v1").isEmpty());
            due = Instant.parse(payloads(admin, incidentId, "escalation-step-reached.v1").getFirst().path("deadline").asString());
        }
        // The scenario itself: no instance runs until a second after the step was due.
        await().pollDelay(Duration.ofMillis(100)).atMost(Duration.ofSeconds(30))
                .until(() -> Instant.now().isAfter(due.plusSeconds(1)));
        Instant restarted = Instant.now();
        try (ConfigurableApplicationContext back = instance(database)) {
            ApiClient admin = new ApiClient(portOf(back));
            Instant up = Instant.now();
            await().atMost(Duration.ofSeconds(15)).until(() -> payloads(admin, incidentId, "person-paged.v1").size() == 2);
            Instant secondPage = Instant.parse(payloads(admin, incidentId, "person-paged.v1").get(1).path("occurredAt").asString());
            assertThat(secondPage).as("fired after the instance came back, not lost").isAfter(due);
            assertThat(Duration.between(up, secondPage)).as("within a few polls of being up").isLessThan(Duration.ofSeconds(5));
            assertThat(Duration.between(due, secondPage)).as("late by about the time it was down")
                    .isLessThan(Duration.between(due, up).plusSeconds(5));
            assertThat(restarted).isBefore(up);
            // And only once, even after more polls.
            await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(4))
                    .until(() -> payloads(admin, incidentId, "person-paged.v1").size() == 2);
        }
    }

    private static ConfigurableApplicationContext instance(String database) {
        List<String> properties = new ArrayList<>(List.of(
                "server.port=0",
                "spring.kafka.bootstrap-servers=" + SharedInfrastructure.kafka().bootstrapServers(),
                "spring.mongodb.uri=" + SharedInfrastructure.mongo().uri(database),
                "incidents.token-store.node-id=escalation-" + UUID.randomUUID().toString().substring(0, 6),
                "incidents.escalation.poll-interval=PT0.1S",
                // The policy is created through the other instance: this one must not answer from an older list.
                "incidents.oncall.cache-ttl=PT0S",
                "spring.jmx.enabled=false"));
        properties.addAll(List.of(TestCredentials.properties()));
        return new SpringApplicationBuilder(IncidentServiceApplication.class)
                .run(properties.stream().map(p -> "--" + p).toArray(String[]::new));
    }

    private static int portOf(ConfigurableApplicationContext context) {
        return ((WebServerApplicationContext) context).getWebServer().getPort();
    }

    private static String person(ApiClient admin, String name) {
        String email = "p" + UUID.randomUUID() + "@example.com";
        var created = admin.send(HttpMethod.POST, "/api/v1/people", """
                {"name": "%s", "email": "%s", "timeZone": "UTC", "contactMethods": [{"type": "EMAIL", "address": "%s"}]}"""
                .formatted(name, email, email));
        assertThat(created.status()).as(created.body().toString()).isEqualTo(201);
        return created.text("/id");
    }

    /** {@code steps} steps, each paging the person and waiting {@code wait}, gone through {@code rounds} times. */
    private static void policy(ApiClient admin, String service, String personId, int steps, String wait, int rounds) {
        String step = "{\"targets\": [{\"type\": \"PERSON\", \"id\": \"" + personId + "\"}], \"acknowledgeWithin\": \"" + wait + "\"}";
        String body = "{\"name\": \"p-" + UUID.randomUUID() + "\", \"rounds\": " + rounds + ", \"services\": [\"" + service
                + "\"], \"steps\": [" + java.util.Collections.nCopies(steps, step).stream().collect(Collectors.joining(", ")) + "]}";
        var created = admin.send(HttpMethod.POST, "/api/v1/escalation-policies", body);
        assertThat(created.status()).as(created.body().toString()).isEqualTo(201);
    }

    private static String open(ApiClient admin, String service) {
        var opened = admin.send(HttpMethod.POST, "/api/v1/incidents",
                "{\"title\": \"Timers\", \"severity\": \"SEV3\", \"services\": [\"" + service + "\"]}");
        assertThat(opened.status()).as(opened.body().toString()).isEqualTo(201);
        return opened.text("/id");
    }

    private static List<String> eventTypes(ApiClient admin, String incidentId) {
        return admin.get("/api/v1/incidents/" + incidentId + "/events").body().path("events").valueStream()
                .map(e -> e.path("type").asString()).toList();
    }

    private static List<JsonNode> payloads(ApiClient admin, String incidentId, String typeSuffix) {
        return admin.get("/api/v1/incidents/" + incidentId + "/events").body().path("events").valueStream()
                .filter(e -> e.path("type").asString().endsWith(typeSuffix)).map(e -> e.path("payload")).toList();
    }
}
