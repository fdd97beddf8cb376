package org.incidentplatform.timeline.live;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.incidentplatform.consuming.testing.TestEvent;
import org.incidentplatform.events.EventTypes;
import org.incidentplatform.security.testing.TestCredentials;
import org.incidentplatform.timeline.IncidentSamples;
import org.incidentplatform.timeline.SseClient;
import org.incidentplatform.timeline.TimelineServiceTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Live streams read by a real HTTP client (java.net.http), every wait bounded. */
class LiveStreamTest extends TimelineServiceTest {

    private static final Duration PATIENCE = Duration.ofSeconds(20);
    private static final String EVENT_STREAM = "text/event-stream";

    @Autowired
    private LiveStreams streams;

    @BeforeEach
    void noStreamsLeftFromOtherTests() {
        await().atMost(PATIENCE).until(() -> streams.subscriberCount() == 0);
    }

    @Test
    void aNewEntryIsPushedToItsIncidentsStreamRenderedInTheAskedZone() throws Exception {
        IncidentSamples incident = new IncidentSamples();
        try (SseClient stream = open("/api/v1/incidents/" + incident.incidentId() + "/timeline/stream?tz=Europe/Paris")) {
            assertThat(stream.status()).isEqualTo(200);
            assertThat(stream.contentType()).startsWith(EVENT_STREAM);
            stream.awaitLine(":subscribed"::equals, PATIENCE);
            TestEvent update = incident.event(EventTypes.STATUS_UPDATED, 1).withData("occurredAt", "2026-11-21T09:41:00Z");

            topic.publish(update);

            stream.awaitLine(("id:" + update.id())::equals, PATIENCE);
            stream.awaitLine("event:entry"::equals, PATIENCE);
            JsonNode entry = JsonMapper.builder().build()
                    .readTree(stream.awaitLine(line -> line.startsWith("data:"), PATIENCE).substring("data:".length()));
            assertThat(entry.path("eventId").asString()).isEqualTo(update.id());
            assertThat(entry.path("occurredAt").asString()).isEqualTo("2026-11-21T10:41:00.000+01:00");
        }
    }

    @Test
    void aPublicStreamNeverCarriesInternalEntriesOrOtherIncidents() throws Exception {
        IncidentSamples incident = new IncidentSamples();
        IncidentSamples other = new IncidentSamples();
        try (SseClient stream = open("/api/v1/incidents/" + incident.incidentId() + "/timeline/stream?visibility=public")) {
            stream.awaitLine(":subscribed"::equals, PATIENCE);
            TestEvent otherIncident = other.event(EventTypes.INCIDENT_OPENED, 0);
            TestEvent internalNote = incident.event(EventTypes.NOTE_ADDED, 1);
            TestEvent publicResolution = incident.event(EventTypes.INCIDENT_RESOLVED, 2);

            topic.publish(otherIncident);
            topic.publish(internalNote);
            topic.publish(publicResolution);

            // The note was stored before the resolution (same partition), so it would have come first.
            stream.awaitLine(("id:" + publicResolution.id())::equals, PATIENCE);
            assertThat(stream.seen()).noneMatch(line -> line.contains(internalNote.id()) || line.contains(otherIncident.id()));
        }
    }

    @Test
    void theActivityStreamCarriesEveryIncidentAndHeartbeats() throws Exception {
        try (SseClient stream = open("/api/v1/activity/stream")) {
            stream.awaitLine(":subscribed"::equals, PATIENCE);
            TestEvent opened = new IncidentSamples().event(EventTypes.INCIDENT_OPENED, 0);

            topic.publish(opened);

            stream.awaitLine(("id:" + opened.id())::equals, PATIENCE);
            stream.awaitLine(":heartbeat"::equals, PATIENCE);
        }
    }

    @Test
    void aClosedStreamIsForgottenAndFreesItsPlace() throws Exception {
        SseClient stream = open("/api/v1/activity/stream");
        stream.awaitLine(":subscribed"::equals, PATIENCE);
        assertThat(streams.subscriberCount()).isEqualTo(1);

        stream.close();

        // The next heartbeat fails to write to the closed connection.
        await().atMost(PATIENCE).until(() -> streams.subscriberCount() == 0);
    }

    @Test
    void oneStreamMoreThanTheLimitIsA503ProblemWithRetryAfter() throws Exception {
        List<SseClient> open = new ArrayList<>();
        try {
            for (int i = 0; i < 4; i++) {
                SseClient stream = open("/api/v1/activity/stream");
                open.add(stream);
                stream.awaitLine(":subscribed"::equals, PATIENCE);
            }
            var refused = http.get().uri("/api/v1/activity/stream").header("Accept", EVENT_STREAM).retrieve()
                    .onStatus(s -> true, (request, response) -> { }).toEntity(JsonNode.class);

            assertThat(refused.getStatusCode().value()).isEqualTo(503);
            assertThat(refused.getHeaders().getFirst("Retry-After")).isEqualTo("30");
            assertThat(refused.getBody().path("title").asString()).isEqualTo("Too many live subscribers");
        } finally {
            open.forEach(SseClient::close);
        }
    }

    @Test
    void aStreamMustBeAskedForAsAnEventStream() throws Exception {
        try (SseClient plain = open("/api/v1/activity/stream", null)) {
            assertThat(plain.status()).isEqualTo(406);
            assertThat(plain.contentType()).startsWith("application/problem+json");
            assertThat(plain.body()).contains("text/event-stream");
        }
    }

    @Test
    void anInvalidTimeZoneIsAProblemBeforeAnyStreamOpens() throws Exception {
        try (SseClient bad = open("/api/v1/activity/stream?tz=Nowhere/Land")) {
            assertThat(bad.status()).isEqualTo(400);
            assertThat(bad.body()).contains("\"parameter\":\"tz\"");
        }
        assertThat(streams.subscriberCount()).isZero();
    }

    private SseClient open(String path) throws Exception {
        return open(path, EVENT_STREAM);
    }

    private SseClient open(String path, String accept) throws Exception {
        return new SseClient("http://localhost:" + port + path, TestCredentials.ADMIN_KEY, accept);
    }
}
