package org.incidentplatform.incident.maintenance;

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

/** During a maintenance window nobody is paged for its services; the incident says why; cancelling it pages again. */
@IncidentServiceTest
class MaintenanceWindowApiTest {

    @LocalServerPort
    int port;

    @Test
    void anIncidentOfAServiceUnderMaintenanceIsRecordedButPagesNobody() {
        ApiClient admin = new ApiClient(port);
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        String database = "database-" + suffix;
        String api = "api-" + suffix;
        String person = person(admin);
        assertThat(admin.send(HttpMethod.POST, "/api/v1/escalation-policies", """
                {"name": "mw-%s", "rounds": 1, "services": ["%s", "%s"],
                 "steps": [{"targets": [{"type": "PERSON", "id": "%s"}], "acknowledgeWithin": "PT10M"}]}"""
                .formatted(suffix, database, api, person)).status()).isEqualTo(201);
        var window = admin.send(HttpMethod.POST, "/api/v1/maintenance-windows", """
                {"title": "Database upgrade", "description": "Writes may pause", "services": ["%s"],
                 "startsAt": "%s", "endsAt": "%s"}""".formatted(database, Instant.now().minusSeconds(60),
                Instant.now().plus(Duration.ofHours(1))));
        assertThat(window.status()).as(window.body().toString()).isEqualTo(201);
        String windowId = window.text("/id");

        String quiet = open(admin, database);
        String paged = open(admin, api);

        await().atMost(Duration.ofSeconds(10)).until(() -> pages(admin, paged) == 1);
        await().atMost(Duration.ofSeconds(10)).until(() -> admin.get("/api/v1/incidents/" + quiet + "/events").body()
                .toString().contains("Not paged by escalation policy mw-" + suffix + ": maintenance window 'Database upgrade'"));
        assertThat(pages(admin, quiet)).isZero();
        assertThat(admin.get("/api/v1/incidents/" + quiet).text("/status")).as("recorded as usual").isEqualTo("TRIGGERED");
        await().atMost(Duration.ofSeconds(10)).until(() -> admin.get("/api/v1/maintenance-windows/" + windowId)
                .body().path("unpublished").asBoolean() == false);

        assertThat(admin.send(HttpMethod.POST, "/api/v1/maintenance-windows/" + windowId + "/cancel", null).text("/cancelled"))
                .isEqualTo("true");
        String afterCancel = open(admin, database);
        await().atMost(Duration.ofSeconds(10)).until(() -> pages(admin, afterCancel) == 1);
    }

    @Test
    void aWindowThatEndsBeforeItStartsOrInThePastIsRefused() {
        ApiClient admin = new ApiClient(port);
        Instant now = Instant.now();
        assertThat(admin.send(HttpMethod.POST, "/api/v1/maintenance-windows", """
                {"title": "Backwards", "services": ["db"], "startsAt": "%s", "endsAt": "%s"}"""
                .formatted(now.plusSeconds(7200), now.plusSeconds(3600))).status()).isEqualTo(400);
        var past = admin.send(HttpMethod.POST, "/api/v1/maintenance-windows", """
                {"title": "Over", "services": ["db"], "startsAt": "%s", "endsAt": "%s"}"""
                .formatted(now.minusSeconds(7200), now.minusSeconds(3600)));
        assertThat(past.status()).isEqualTo(400);
        assertThat(past.text("/detail")).contains("past");
    }

    private static int pages(ApiClient admin, String incidentId) {
        JsonNode escalation = admin.get("/api/v1/incidents/" + incidentId).body().path("escalation");
        return escalation.path("pages").size();
    }

    private static String open(ApiClient admin, String service) {
        var opened = admin.send(HttpMethod.POST, "/api/v1/incidents",
                "{\"title\": \"Slow queries\", \"severity\": \"SEV2\", \"services\": [\"" + service + "\"]}");
        assertThat(opened.status()).isEqualTo(201);
        return opened.text("/id");
    }

    private static String person(ApiClient admin) {
        String email = "p" + UUID.randomUUID() + "@example.com";
        return admin.send(HttpMethod.POST, "/api/v1/people", """
                {"name": "Maintenance Watcher", "email": "%s", "timeZone": "UTC",
                 "contactMethods": [{"type": "EMAIL", "address": "%s"}]}""".formatted(email, email)).text("/id");
    }
}
