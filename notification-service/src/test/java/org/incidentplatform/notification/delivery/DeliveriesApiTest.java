package org.incidentplatform.notification.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.UUID;
import java.util.stream.IntStream;
import org.incidentplatform.notification.DeliveriesClient;
import org.incidentplatform.notification.NotificationServiceTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import tools.jackson.databind.JsonNode;

class DeliveriesApiTest extends NotificationServiceTest {

    @Autowired
    private MongoOperations mongo;

    @Test
    void aLongLogShowsItsNewest200OldestFirst() {
        String incidentId = "inc-" + UUID.randomUUID();
        Instant start = Instant.parse("2026-11-21T10:00:00Z");
        mongo.insertAll(IntStream.range(0, 205)
                .mapToObj(i -> delivery(incidentId, "event-" + i, start.plusSeconds(i)))
                .toList());

        JsonNode listed = DeliveriesClient.deliveriesOf(http, incidentId);

        assertThat(listed).hasSize(200);
        assertThat(listed.get(0).path("eventId").asString()).isEqualTo("event-5");
        assertThat(listed.get(199).path("eventId").asString()).isEqualTo("event-204");
    }

    @Test
    void anUnknownDeliveryIsA404ProblemDetail() {
        ResponseEntity<JsonNode> response = DeliveriesClient.delivery(http, "no-such-event:log:default");

        assertThat(response.getStatusCode().value()).isEqualTo(404);
        assertThat(response.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(response.getBody().path("status").asInt()).isEqualTo(404);
        assertThat(response.getBody().path("detail").asString()).contains("no-such-event:log:default");
    }

    private static Delivery delivery(String incidentId, String eventId, Instant createdAt) {
        return new Delivery(eventId + ":log:default", incidentId, eventId, "org.incidentplatform.incident.opened.v1",
                "log", "default", DeliveryStatus.DELIVERED, 1, createdAt, createdAt, "Incident opened", null);
    }
}
