package org.incidentplatform.notification.scenarios;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import org.incidentplatform.consuming.testing.TestEvent;
import org.incidentplatform.notification.DeliveriesClient;
import org.incidentplatform.notification.FakeReceivers.Mode;
import org.incidentplatform.notification.Incidents;
import org.incidentplatform.notification.NotificationServiceTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class SlackRetryTest extends NotificationServiceTest {

    private static final Duration PATIENCE = Duration.ofSeconds(15);

    @AfterEach
    void slackWorksAgain() {
        receivers.mode("C-FLAKY", Mode.OK);
    }

    @Test
    void aRateLimitedSendIsRetriedNoSoonerThanRetryAfter() {
        JsonNode delivery = failOnceThenDeliver(Mode.RATE_LIMITED);

        JsonNode first = delivery.path("attempts").get(0);
        assertThat(first.path("responseCode").asInt()).isEqualTo(429);
        Instant failedAt = Instant.parse(first.path("at").asString());
        Instant deliveredAt = Instant.parse(delivery.path("deliveredAt").asString());
        assertThat(Duration.between(failedAt, deliveredAt)).isGreaterThanOrEqualTo(Duration.ofSeconds(1));
    }

    @Test
    void aSendThatTimesOutIsRecordedWithoutAResponseCodeAndRetried() {
        JsonNode delivery = failOnceThenDeliver(Mode.SLOW);

        JsonNode first = delivery.path("attempts").get(0);
        assertThat(first.path("responseCode").isNull()).isTrue();
        assertThat(first.path("latencyMillis").asLong()).isGreaterThanOrEqualTo(900);
        assertThat(first.path("error").asString()).contains("unreachable");
    }

    private JsonNode failOnceThenDeliver(Mode failure) {
        receivers.mode("C-FLAKY", failure);
        TestEvent opened = Incidents.of("SEV4", "flaky").opened("Slow dashboard");
        String id = opened.id() + ":slack:flaky";

        topic.publish(opened);
        await().atMost(PATIENCE).until(() -> attempts(id) >= 1);
        receivers.mode("C-FLAKY", Mode.OK);
        await().atMost(PATIENCE).until(() -> "DELIVERED".equals(DeliveriesClient.delivery(http, id).getBody()
                .path("status").asString()));

        JsonNode delivery = DeliveriesClient.delivery(http, id).getBody();
        assertThat(delivery.path("attempts").get(0).path("outcome").asString()).isEqualTo("FAILED");
        assertThat(delivery.path("attempts").get(delivery.path("attempts").size() - 1).path("outcome").asString())
                .isEqualTo("DELIVERED");
        return delivery;
    }

    private int attempts(String deliveryId) {
        JsonNode delivery = DeliveriesClient.delivery(http, deliveryId).getBody();
        return delivery == null ? 0 : delivery.path("attempts").size();
    }
}
