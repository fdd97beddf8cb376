package org.incidentplatform.timeline.rebuild;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.incidentplatform.consuming.testing.TestEvent;
import org.incidentplatform.events.DeliveryEventTypes;
import org.incidentplatform.events.EventTypes;
import org.incidentplatform.security.testing.TestCredentials;
import org.incidentplatform.timeline.IncidentSamples;
import org.incidentplatform.timeline.SseClient;
import org.incidentplatform.timeline.TimelineClient;
import org.incidentplatform.timeline.TimelineServiceTest;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ResponseEntity;
import tools.jackson.databind.JsonNode;

class ProjectionRebuildTest extends TimelineServiceTest {

    private static final Duration PATIENCE = Duration.ofSeconds(30);

    @Test
    void exportsAreByteIdenticalAfterARebuild() {
        List<IncidentSamples> incidents = List.of(incident(), incident(), incident());
        Map<String, String> before = exports(incidents);

        ResponseEntity<JsonNode> rebuilt = rebuild();

        assertThat(rebuilt.getStatusCode().value()).isEqualTo(200);
        assertThat(rebuilt.getBody().path("state").asString()).isEqualTo("DONE");
        assertThat(rebuilt.getBody().path("entriesRemoved").asLong()).isPositive();
        assertThat(exports(incidents)).isEqualTo(before);
        assertThat(status().path("state").asString()).isEqualTo("DONE");
    }

    @Test
    void eventsPublishedDuringARebuildAreNotLost() {
        IncidentSamples before = incident();
        CompletableFuture<ResponseEntity<JsonNode>> running = CompletableFuture.supplyAsync(this::rebuild);
        TestEvent during = new IncidentSamples().event(EventTypes.INCIDENT_OPENED, 0);
        topic.publish(during);

        assertThat(running.join().getStatusCode().value()).isEqualTo(200);
        await().atMost(PATIENCE).until(() -> TimelineClient.entries(http, during.incidentId()).size() == 1);
        assertThat(TimelineClient.entries(http, before.incidentId())).hasSize(4);
    }

    @Test
    void aSecondRebuildWhileOneRunsIsAConflictProblem() {
        CompletableFuture<ResponseEntity<JsonNode>> first = CompletableFuture.supplyAsync(this::rebuild);
        await().atMost(PATIENCE).until(() -> first.isDone() || status().path("state").asString().equals("RUNNING"));

        ResponseEntity<JsonNode> second = rebuild();

        // The first may have finished already on a fast machine; then the second simply ran too.
        if (second.getStatusCode().value() == 409) {
            assertThat(second.getBody().path("title").asString()).isEqualTo("Rebuild already running");
        } else {
            assertThat(second.getStatusCode().value()).isEqualTo(200);
        }
        assertThat(first.join().getStatusCode().value()).isEqualTo(200);
    }

    @Test
    void liveSubscribersAreNotSentTheReplayButDoGetNewEntries() throws Exception {
        IncidentSamples old = incident();
        try (SseClient stream = new SseClient("http://localhost:" + port + "/api/v1/activity/stream",
                TestCredentials.ADMIN_KEY, "text/event-stream")) {
            stream.awaitLine(":subscribed"::equals, PATIENCE);

            assertThat(rebuild().getStatusCode().value()).isEqualTo(200);
            TestEvent fresh = new IncidentSamples().event(EventTypes.INCIDENT_OPENED, 0);
            topic.publish(fresh);

            stream.awaitLine(("id:" + fresh.id())::equals, PATIENCE);
            assertThat(stream.seen()).filteredOn(line -> line.startsWith("id:")).containsExactly("id:" + fresh.id());
            assertThat(stream.seen()).noneMatch(line -> line.contains(old.incidentId()));
        }
    }

    private IncidentSamples incident() {
        IncidentSamples incident = new IncidentSamples();
        topic.publish(incident.event(EventTypes.INCIDENT_OPENED, 0));
        topic.publish(incident.event(EventTypes.STATUS_UPDATED, 1).withData("occurredAt", "2026-11-21T09:41:00Z"));
        topic.publish(incident.event(EventTypes.NOTE_ADDED, 2).withData("text", "<b>|=cmd|</b> [x](y)"));
        deliveries.publish(incident.incidentId(), incident.delivery(DeliveryEventTypes.NOTIFICATION_DELIVERED, 1));
        await().atMost(PATIENCE).until(() -> TimelineClient.entries(http, incident.incidentId()).size() == 4);
        return incident;
    }

    private Map<String, String> exports(List<IncidentSamples> incidents) {
        Map<String, String> exports = new LinkedHashMap<>();
        for (IncidentSamples incident : incidents) {
            for (String format : List.of("json", "markdown", "csv")) {
                exports.put(incident.incidentId() + "/" + format, http.get()
                        .uri("/api/v1/incidents/{id}/timeline?tz=Europe/Paris&format={format}", incident.incidentId(), format)
                        .retrieve().body(String.class));
            }
        }
        return exports;
    }

    private ResponseEntity<JsonNode> rebuild() {
        return http.post().uri("/api/v1/admin/projection/rebuild").retrieve()
                .onStatus(HttpStatusCode::isError, (request, response) -> { })
                .toEntity(JsonNode.class);
    }

    private JsonNode status() {
        return http.get().uri("/api/v1/admin/projection/rebuild").retrieve().body(JsonNode.class);
    }
}
