package org.incidentplatform.timeline.activity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.incidentplatform.consuming.testing.TestEvent;
import org.incidentplatform.events.EventTypes;
import org.incidentplatform.timeline.IncidentSamples;
import org.incidentplatform.timeline.TimelineClient;
import org.incidentplatform.timeline.TimelineServiceTest;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import tools.jackson.databind.JsonNode;

class ActivityFeedTest extends TimelineServiceTest {

    @Test
    void theFeedPagesNewestRecordedFirstWithoutGapsOrRepeats() {
        IncidentSamples incident = new IncidentSamples();
        List<String> expectedNewestFirst = new ArrayList<>();
        // Recorded far in the future, so these are the newest entries whatever other tests stored.
        for (int i = 0; i < 5; i++) {
            TestEvent event = incident.event(EventTypes.RESPONDER_ADDED, i).withData("responder", "r" + i);
            topic.publish(TestEventTimes.recordedAt(event, "2999-01-01T00:00:0" + i + "Z"));
            expectedNewestFirst.addFirst(event.id());
        }
        await().atMost(Duration.ofSeconds(20)).until(() -> TimelineClient.entries(http, incident.incidentId()).size() == 5);

        JsonNode first = get("?limit=2").getBody();
        JsonNode second = get("?limit=2&cursor=" + first.path("nextCursor").asString()).getBody();
        JsonNode third = get("?limit=1&cursor=" + second.path("nextCursor").asString()).getBody();

        List<String> seen = new ArrayList<>();
        for (JsonNode page : List.of(first, second, third)) {
            page.path("entries").forEach(e -> seen.add(e.path("eventId").asString()));
        }
        assertThat(seen).containsExactlyElementsOf(expectedNewestFirst);
        assertThat(first.path("entries").get(0).path("recordedAt").asString()).isEqualTo("2999-01-01T00:00:04.000Z");
    }

    @Test
    void thePublicFeedHasOnlyPublicEntries() {
        JsonNode page = get("?visibility=public&limit=100&tz=Europe/Paris").getBody();

        assertThat(page.path("timeZone").asString()).isEqualTo("Europe/Paris");
        page.path("entries").forEach(e -> assertThat(e.path("visibility").asString()).isEqualTo("PUBLIC"));
    }

    @Test
    void aLimitAboveOneHundredIsAProblemNamingTheParameter() {
        ResponseEntity<JsonNode> response = get("?limit=101");

        assertThat(response.getStatusCode().value()).isEqualTo(400);
        assertThat(response.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(response.getBody().path("parameter").asString()).isEqualTo("limit");
    }

    @Test
    void aCursorThisApiDidNotIssueIsAProblemNamingTheParameter() {
        for (String cursor : List.of("not-base64!", "aGVsbG8", "x".repeat(600))) {
            ResponseEntity<JsonNode> response = get("?cursor=" + cursor);

            assertThat(response.getStatusCode().value()).as(cursor).isEqualTo(400);
            assertThat(response.getBody().path("parameter").asString()).isEqualTo("cursor");
        }
    }

    private ResponseEntity<JsonNode> get(String query) {
        return http.get().uri("/api/v1/activity" + query).retrieve()
                .onStatus(HttpStatusCode::isError, (request, response) -> { })
                .toEntity(JsonNode.class);
    }
}
