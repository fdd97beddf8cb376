package org.incidentplatform.timeline.deadletters;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.incidentplatform.timeline.TimelineClient.entries;

import java.time.Duration;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.incidentplatform.consuming.UnreadableEventException;
import org.incidentplatform.consuming.testing.TestEvent;
import org.incidentplatform.events.Topics;
import org.incidentplatform.timeline.TimelineServiceTest;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import tools.jackson.databind.JsonNode;

/**
 * A poison record parks on the dead-letter topic, the partition moves on, and the operator sees
 * it through the admin API and in the metrics. The API is service-support's, shared by all
 * consuming services; it is exercised here once.
 */
class DeadLettersApiTest extends TimelineServiceTest {

    private static final Duration PATIENCE = Duration.ofSeconds(30);

    @Test
    void aPoisonRecordIsListedWithWhereItCameFromAndWhyWhileTheNextRecordIsApplied() {
        String poison = "{\"specversion\": \"1.0\", not json " + UUID.randomUUID();
        TestEvent next = TestEvent.opened();
        double countedBefore = deadLettered();

        // Same key, same partition: the good record is behind the poison one.
        RecordMetadata parked = topic.publish(next.incidentId(), poison);
        topic.publish(next);

        await().atMost(PATIENCE).until(() -> !entries(http, next.incidentId()).isEmpty());
        JsonNode listed = await().atMost(PATIENCE).until(() -> deadLetterWithKey(next.incidentId()), d -> d != null);
        assertThat(listed.path("originalTopic").asString()).isEqualTo(Topics.INCIDENT_EVENTS);
        assertThat(listed.path("originalPartition").asInt()).isEqualTo(parked.partition());
        assertThat(listed.path("originalOffset").asLong()).isEqualTo(parked.offset());
        assertThat(listed.path("consumerGroup").asString()).isEqualTo(GROUP_ID);
        assertThat(listed.path("exceptionClass").asString()).isEqualTo(UnreadableEventException.class.getName());
        assertThat(listed.path("exceptionMessage").asString()).contains("Not a readable incident CloudEvent");
        assertThat(listed.path("value").asString()).isEqualTo(poison);
        assertThat(listed.path("valueTruncated").asBoolean()).isFalse();
        assertThat(listed.path("deadLetteredAt").asString()).isNotBlank();
        assertThat(listed.path("id").asString()).startsWith(Topics.INCIDENT_EVENTS + ".dlt/");
        assertThat(deadLettered()).isGreaterThan(countedBefore);
    }

    @Test
    void aLimitOutsideItsRangeIsA400ProblemDetail() {
        ResponseEntity<JsonNode> response = http.get().uri("/api/v1/admin/dead-letters?limit=0")
                .exchange((request, answer) -> ResponseEntity.status(answer.getStatusCode())
                        .headers(answer.getHeaders()).body(answer.bodyTo(JsonNode.class)));

        assertThat(response.getStatusCode().value()).isEqualTo(400);
        assertThat(response.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(response.getBody().path("detail").asString()).contains("limit");
    }

    private JsonNode deadLetterWithKey(String key) {
        JsonNode page = http.get().uri("/api/v1/admin/dead-letters?limit=500").retrieve().body(JsonNode.class);
        for (JsonNode deadLetter : page.path("deadLetters")) {
            if (key.equals(deadLetter.path("key").asString(null))) {
                return deadLetter;
            }
        }
        return null;
    }

    private double deadLettered() {
        String scrape = http.get().uri("/actuator/prometheus").retrieve().body(String.class);
        Matcher sample = Pattern.compile("(?m)^incident_events_deadlettered_total\\{[^}]*topic=\"incident-events\\.v1\"[^}]*} (\\S+)$")
                .matcher(scrape);
        return sample.find() ? Double.parseDouble(sample.group(1)) : 0;
    }
}
