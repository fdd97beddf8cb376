package org.incidentplatform.notification.scenarios;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import org.incidentplatform.consuming.testing.TestEvent;
import org.incidentplatform.events.Topics;
import org.incidentplatform.notification.DeliveriesClient;
import org.incidentplatform.notification.FakeReceivers.Mode;
import org.incidentplatform.notification.Incidents;
import org.incidentplatform.notification.Mailbox;
import org.incidentplatform.notification.NotificationServiceTest;
import org.incidentplatform.notification.TopicReader;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** MUST SHOW 2: a permanently failing Slack target, its fallback e-mail, and the replay. */
class FallbackAndReplayTest extends NotificationServiceTest {

    private static final Duration PATIENCE = Duration.ofSeconds(20);

    @AfterEach
    void slackWorksAgain() {
        receivers.mode("C-FLAKY", Mode.OK);
    }

    @Test
    void aDeadLetteredSlackDeliveryFallsBackToEmailAndIsReplayedExactlyOnceAfterRecovery() {
        receivers.mode("C-FLAKY", Mode.FAIL_500);
        Incidents incident = Incidents.of("SEV3", "flaky");
        TestEvent opened = incident.opened("Search is slow");
        String slackDelivery = opened.id() + ":slack:flaky";

        topic.publish(opened);

        await().atMost(PATIENCE).until(() -> status(slackDelivery).equals("DEAD_LETTERED"));
        JsonNode deadLettered = DeliveriesClient.delivery(http, slackDelivery).getBody();
        assertThat(deadLettered.path("attempts")).hasSize(3)
                .allSatisfy(a -> assertThat(a.path("responseCode").asInt()).isEqualTo(500));
        assertThat(DeliveriesClient.get(http, "/api/v1/deliveries?incidentId={id}&status=DEAD_LETTERED", incident.id())
                .getBody().path("deliveries").get(0).path("id").asString()).isEqualTo(slackDelivery);
        await().atMost(PATIENCE).until(() -> Mailbox.about(smtp, "fallback@example.test", incident.id()).size() == 1);
        assertThat(Mailbox.part(Mailbox.about(smtp, "fallback@example.test", incident.id()).getFirst(), "text/plain"))
                .contains("Search is slow", "because " + slackDelivery + " could not be delivered");
        assertThat(DeliveriesClient.delivery(http, opened.id() + ":email:fallback").getBody()
                .path("fallbackFor").asString()).isEqualTo(slackDelivery);
        await().atMost(PATIENCE).until(() -> TopicReader.values(Topics.DELIVERY_EVENTS + ".dlt").stream()
                .anyMatch(v -> v.contains(slackDelivery)));
        await().atMost(PATIENCE).until(() -> TopicReader.values(Topics.DELIVERY_EVENTS).stream()
                .anyMatch(v -> v.contains(slackDelivery) && v.contains("\"deadLettered\":true")));
        assertThat(receivers.slackMessages(incident.id())).isEmpty();

        receivers.mode("C-FLAKY", Mode.OK);
        assertThat(DeliveriesClient.replay(http, slackDelivery).getStatusCode().value()).isEqualTo(202);
        assertThat(DeliveriesClient.replay(http, slackDelivery).getStatusCode().value()).isEqualTo(409);

        await().atMost(PATIENCE).until(() -> status(slackDelivery).equals("DELIVERED"));
        await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(3))
                .untilAsserted(() -> assertThat(receivers.slackMessages(incident.id())).hasSize(1));
        assertThat(DeliveriesClient.delivery(http, slackDelivery).getBody().path("attempts")).hasSize(4);
    }

    private String status(String deliveryId) {
        JsonNode delivery = DeliveriesClient.delivery(http, deliveryId).getBody();
        return delivery == null ? "" : delivery.path("status").asString("");
    }
}
