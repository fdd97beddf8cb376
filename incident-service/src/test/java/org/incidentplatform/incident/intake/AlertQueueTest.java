package org.incidentplatform.incident.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.UUID;
import org.incidentplatform.incident.ApiClient;
import org.incidentplatform.incident.IncidentServiceTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpMethod;
import tools.jackson.databind.JsonNode;

/**
 * A group above the queueing threshold (1,000 alerts) is answered once stored as received, and is
 * sent to its incident afterwards. The worker is stopped here so that what waits in the queue can
 * be seen: a stopped worker is a restarted instance as far as the queue is concerned.
 */
@IncidentServiceTest
class AlertQueueTest {

    @LocalServerPort
    int port;

    @Autowired
    AlertQueue queue;

    @Autowired
    AlertQueueWorker worker;

    @Test
    void aQueuedGroupSurvivesAStoppedWorkerAndWhatFollowsItFromTheSameIntegrationKeepsItsOrder() {
        ApiClient admin = new ApiClient(port);
        ApiClient sender = new ApiClient(port, null);
        String service = "queued-" + UUID.randomUUID().toString().substring(0, 8);
        String key = IntakeFixtures.createIntegration(admin, "ALERTMANAGER", "{\"grouping\": \"PER_GROUP\"}");
        String path = "/api/v1/integrations/" + key + "/alertmanager";

        worker.stop();
        try {
            var firing = sender.send(HttpMethod.POST, path, StormGroupApiTest.group(service, "firing", 1_500));
            assertThat(firing.status()).isEqualTo(202);
            assertThat(firing.body().get("accepted").asInt()).isEqualTo(1_500);
            assertThat(firing.body().get("queued").asInt()).isEqualTo(1_500);
            assertThat(firing.body().get("recorded").asInt()).isZero();

            // Two of those alerts resolve: a small POST, but it must not overtake the group.
            var resolved = sender.send(HttpMethod.POST, path, StormGroupApiTest.group(service, "resolved", 2));
            assertThat(resolved.status()).isEqualTo(202);
            assertThat(resolved.body().get("queued").asInt()).as("queued behind the group").isEqualTo(2);

            assertThat(queue.depth()).as("1,500 alerts in parts of 1,000, then the resolves").isEqualTo(3);
            assertThat(admin.get("/api/v1/incidents?service=" + service).body().get("items")).isEmpty();
        } finally {
            worker.start();
        }

        String id = await().atMost(Duration.ofSeconds(60)).until(() -> {
            JsonNode items = admin.get("/api/v1/incidents?service=" + service).body().get("items");
            return items.size() == 1 ? items.get(0).get("id").asString() : null;
        }, found -> found != null);
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            JsonNode incident = admin.get("/api/v1/incidents/" + id).body();
            assertThat(incident.get("alertCount").asLong()).isEqualTo(1_500);
            assertThat(incident.get("firingAlertCount").asInt()).as("the two resolves came after their triggers")
                    .isEqualTo(1_498);
        });
        await().atMost(Duration.ofSeconds(10)).until(() -> queue.depth() == 0);

        // With the queue empty again, a small group is stored at once, as before.
        var small = sender.send(HttpMethod.POST, path, StormGroupApiTest.group(service, "resolved", 3));
        assertThat(small.body().get("queued").asInt()).isZero();
        assertThat(small.body().get("recorded").asInt()).isEqualTo(3);
    }
}
