package org.incidentplatform.notification.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.stream.IntStream;
import org.incidentplatform.notification.DeliveriesClient;
import org.incidentplatform.notification.NotificationServiceTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
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
    void theNextCursorWalksBackToTheOldestDeliveries() {
        String incidentId = "inc-" + UUID.randomUUID();
        Instant start = Instant.parse("2026-11-21T10:00:00Z");
        mongo.insertAll(IntStream.range(0, 205)
                .mapToObj(i -> delivery(incidentId, "event-" + i, start.plusSeconds(i)))
                .toList());

        JsonNode first = DeliveriesClient.get(http, "/api/v1/deliveries?incidentId={id}", incidentId).getBody();
        JsonNode second = DeliveriesClient.get(http, "/api/v1/deliveries?incidentId={id}&cursor={c}", incidentId,
                first.path("nextCursor").asString()).getBody();

        assertThat(second.path("deliveries")).hasSize(5);
        assertThat(second.path("deliveries").get(0).path("eventId").asString()).isEqualTo("event-0");
        assertThat(second.path("deliveries").get(4).path("eventId").asString()).isEqualTo("event-4");
        assertThat(second.path("nextCursor").isNull()).isTrue();
    }

    @Test
    void theLogFiltersByChannelStatusAndTime() {
        String incidentId = "inc-" + UUID.randomUUID();
        Instant start = Instant.parse("2026-11-21T10:00:00Z");
        mongo.insertAll(List.of(
                delivery(incidentId, "early", start),
                delivery(incidentId, "in-window", start.plusSeconds(60)),
                delivery(incidentId, "late", start.plusSeconds(120)),
                withStatus(delivery(incidentId, "failed", start.plusSeconds(60)), DeliveryStatus.FAILED)));

        JsonNode listed = DeliveriesClient.get(http,
                "/api/v1/deliveries?incidentId={id}&channel=log&status=DELIVERED&from={from}&to={to}",
                incidentId, start.plusSeconds(30), start.plusSeconds(90)).getBody().path("deliveries");

        assertThat(listed).hasSize(1);
        assertThat(listed.get(0).path("eventId").asString()).isEqualTo("in-window");
    }

    @ParameterizedTest
    @ValueSource(strings = {"status=NOPE", "from=yesterday", "cursor=not*a*cursor", "limit=0", "limit=201",
            "channel=Slack$ne"})
    void aBadFilterIsA400ProblemDetail(String filter) {
        ResponseEntity<JsonNode> response = DeliveriesClient.get(http, "/api/v1/deliveries?" + filter);

        assertThat(response.getStatusCode().value()).isEqualTo(400);
        assertThat(response.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
    }

    @Test
    void replayingADeliveryThatIsNotDeadLetteredIsA409AndAnUnknownOneA404() {
        String incidentId = "inc-" + UUID.randomUUID();
        Delivery delivered = delivery(incidentId, "event-1", Instant.parse("2026-11-21T10:00:00Z"));
        mongo.insert(delivered);

        assertThat(DeliveriesClient.replay(http, delivered.id()).getStatusCode().value()).isEqualTo(409);
        assertThat(DeliveriesClient.replay(http, "no-such:log:default").getStatusCode().value()).isEqualTo(404);
    }

    @Test
    void anUnknownDeliveryIsA404ProblemDetail() {
        ResponseEntity<JsonNode> response = DeliveriesClient.delivery(http, "no-such-event:log:default");

        assertThat(response.getStatusCode().value()).isEqualTo(404);
        assertThat(response.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(response.getBody().path("status").asInt()).isEqualTo(404);
        assertThat(response.getBody().path("detail").asString()).contains("no-such-event:log:default");
    }

    private static Delivery withStatus(Delivery d, DeliveryStatus status) {
        return new Delivery(d.id(), d.incidentId(), d.eventId(), d.eventType(), d.incidentSequence(), d.correlationId(),
                d.traceparent(), d.channel(), d.target(), status, d.failures(), d.createdAt(), Instant.parse("9999-01-01T00:00:00Z"),
                d.leaseUntil(), null, null, d.message(), null, null, "failed", 0, List.of());
    }

    private static Delivery delivery(String incidentId, String eventId, Instant createdAt) {
        return new Delivery(incidentId + "." + eventId + ":log:default", incidentId, eventId, "org.incidentplatform.incident.opened.v1",
                0, null, null, "log", "default", DeliveryStatus.DELIVERED, 0, createdAt, createdAt, Instant.EPOCH, null,
                createdAt, "Incident opened", null, null, null, 0, List.of());
    }
}
