package org.incidentplatform.incident.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
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

    @Autowired
    IntakeLimiter limiter;

    @Autowired
    org.incidentplatform.incident.integrations.IntegrationRepository integrations;

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

    @Test
    void whileIntakeIsBusyEventsApiAlertsAreQueuedAndAnsweredThenReachTheirIncidentsEachStreamInOrder() throws Exception {
        ApiClient admin = new ApiClient(port);
        ApiClient sender = new ApiClient(port, null);
        String service = "busy-" + UUID.randomUUID().toString().substring(0, 8);
        var created = admin.send(HttpMethod.POST, "/api/v1/integrations",
                "{\"name\": \"" + service + "\", \"type\": \"EVENTS_V2\", \"settings\": {}}");
        String key = created.text("/key");
        String integrationId = created.text("/integration/id");

        worker.stop();
        CountDownLatch holding = new CountDownLatch(8);
        CountDownLatch release = new CountDownLatch(1);
        List<Thread> busy = new ArrayList<>();
        try {
            // Eight requests in progress (queue-when-busy-above is 8): the next ones are queued.
            for (int i = 0; i < 8; i++) {
                busy.add(Thread.ofPlatform().start(() -> limiter.withPermit(() -> {
                    holding.countDown();
                    try {
                        release.await();
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                    return null;
                })));
            }
            holding.await();
            for (String[] event : List.of(new String[] {"trigger", "a"}, new String[] {"trigger", "b"},
                    new String[] {"resolve", "a"}, new String[] {"trigger", "c"})) {
                var answer = sender.send(HttpMethod.POST, "/v2/enqueue",
                        IntakeFixtures.eventsV2(key, event[0], service + "/" + event[1], service));
                assertThat(answer.status()).isEqualTo(202);
                assertThat(answer.text("/status")).isEqualTo("success");
            }
            assertThat(queue.depth()).as("each alert stored as received").isEqualTo(4);
            assertThat(admin.get("/api/v1/incidents?service=" + service).body().get("items")).isEmpty();
        } finally {
            release.countDown();
            for (Thread thread : busy) {
                thread.join();
            }
            worker.start();
        }

        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            JsonNode items = admin.get("/api/v1/incidents?service=" + service).body().get("items");
            assertThat(items).hasSize(3);
            List<String> statuses = new ArrayList<>();
            items.forEach(item -> statuses.add(item.get("status").asString()));
            assertThat(statuses).as("a's resolve came after its trigger").containsExactlyInAnyOrder("RESOLVED",
                    "TRIGGERED", "TRIGGERED");
        });
        await().atMost(Duration.ofSeconds(10)).until(() -> queue.depth() == 0);
        // The worker, finding the queue empty, lets this instance stop assuming the integration queued.
        await().atMost(Duration.ofSeconds(10)).until(() -> !queue.hasPendingFor(integrationId));

        // Idle again: an alert goes to its stream before the answer, with no worker needed.
        worker.stop();
        try {
            assertThat(sender.send(HttpMethod.POST, "/v2/enqueue",
                    IntakeFixtures.eventsV2(key, "trigger", service + "/d", service)).status()).isEqualTo(202);
            assertThat(queue.depth()).isZero();
            await().atMost(Duration.ofSeconds(20)).until(
                    () -> admin.get("/api/v1/incidents?service=" + service).body().get("items").size() == 4);
        } finally {
            worker.start();
        }
    }

    @Test
    void theWorkerTakesARunOfSingleAlertsThenAGroupAloneThenWhatFollowsInQueueOrder() {
        ApiClient admin = new ApiClient(port);
        var created = admin.send(HttpMethod.POST, "/api/v1/integrations",
                "{\"name\": \"order-" + UUID.randomUUID().toString().substring(0, 8) + "\", \"type\": \"EVENTS_V2\", \"settings\": {}}");
        var integration = integrations.find(created.text("/integration/id")).orElseThrow();
        worker.stop();
        try {
            for (List<AlertQueue.Part> left; !(left = queue.next(10_000)).isEmpty(); ) {
                queue.removeAll(left); // whatever earlier tests left
            }
            queue.enqueue(integration, List.of(signal("s1")), org.axonframework.messaging.MetaData.emptyInstance());
            queue.enqueue(integration, List.of(signal("s2")), org.axonframework.messaging.MetaData.emptyInstance());
            queue.enqueue(integration, List.of(signal("g1"), signal("g2"), signal("g3")),
                    org.axonframework.messaging.MetaData.emptyInstance());
            queue.enqueue(integration, List.of(signal("s3")), org.axonframework.messaging.MetaData.emptyInstance());

            List<AlertQueue.Part> singles = queue.next(500);
            assertThat(singles).extracting(part -> part.alerts().getFirst().dedupKey()).containsExactly("s1", "s2");
            queue.removeAll(singles);
            List<AlertQueue.Part> group = queue.next(500);
            assertThat(group).singleElement().satisfies(part -> assertThat(part.alerts())
                    .extracting(AlertSignal::dedupKey).containsExactly("g1", "g2", "g3"));
            queue.removeAll(group);
            List<AlertQueue.Part> last = queue.next(500);
            assertThat(last).extracting(part -> part.alerts().getFirst().dedupKey()).containsExactly("s3");
            queue.removeAll(last);
            assertThat(queue.next(500)).isEmpty();
        } finally {
            worker.start();
        }
    }

    private static AlertSignal signal(String dedupKey) {
        return new AlertSignal(AlertSignal.Action.TRIGGER, dedupKey, null, "order " + dedupKey, "critical",
                java.util.Map.of(), java.util.Map.of(), List.of(), null, null, "events-v2");
    }
}
