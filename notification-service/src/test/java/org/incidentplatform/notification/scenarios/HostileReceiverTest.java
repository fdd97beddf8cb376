package org.incidentplatform.notification.scenarios;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.incidentplatform.consuming.testing.TestEvent;
import org.incidentplatform.notification.DeliveriesClient;
import org.incidentplatform.notification.FakeReceivers.Mode;
import org.incidentplatform.notification.Incidents;
import org.incidentplatform.notification.NotificationServiceTest;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * A receiver cannot hold a delivery thread: the channel timeout (2 s for webhooks, 1 s for
 * Slack in these tests) is a deadline for the whole call, body included, and at most 64 KB of an
 * answer are read. Either way the attempt is recorded as failed and retried.
 */
class HostileReceiverTest extends NotificationServiceTest {

    private static final Duration PATIENCE = Duration.ofSeconds(15);

    @Test
    void aWebhookReceiverThatTricklesItsAnswerFailsTheCallAtTheDeadline() {
        receivers.mode(hostilePath("trickle"), Mode.TRICKLE);
        JsonNode attempt = firstAttempt("trickle", "webhook:trickle");

        assertThat(attempt.path("responseCode").isNull()).isTrue();
        assertThat(attempt.path("error").asString()).contains("no complete answer within");
        assertThat(attempt.path("latencyMillis").asLong()).isBetween(1_900L, 4_000L);
    }

    @Test
    void aWebhookReceiverThatAnswersWith100MegabytesIsReadNoFurtherThan64Kilobytes() {
        receivers.mode(hostilePath("huge-body"), Mode.HUGE_BODY);
        JsonNode attempt = firstAttempt("huge-body", "webhook:huge-body");

        assertThat(attempt.path("responseCode").asInt()).isEqualTo(200);
        assertThat(attempt.path("error").asString()).contains("body over 65536 bytes");
        assertThat(attempt.path("latencyMillis").asLong()).isLessThan(2_000L);
    }

    @Test
    void theSlackApiThatTricklesItsAnswerFailsTheCallAtTheDeadline() {
        receivers.mode("C-TRICKLE", Mode.TRICKLE);
        JsonNode attempt = firstAttempt("slack-trickle", "slack:trickle");

        assertThat(attempt.path("responseCode").isNull()).isTrue();
        assertThat(attempt.path("latencyMillis").asLong()).isBetween(900L, 3_000L);
    }

    @Test
    void theSlackApiAnsweringWith100MegabytesFailsTheCall() {
        receivers.mode("C-HUGE", Mode.HUGE_BODY);
        JsonNode attempt = firstAttempt("slack-huge-body", "slack:huge-body");

        assertThat(attempt.path("responseCode").isNull()).isTrue();
        assertThat(attempt.path("latencyMillis").asLong()).isLessThan(1_000L);
        assertThat(receivers.bodyBytesWritten("C-HUGE")).isLessThan(50L * 1024 * 1024);
    }

    /** The first attempt on the incident's delivery to the target, once it is recorded as a failure to retry. */
    private JsonNode firstAttempt(String service, String target) {
        TestEvent opened = Incidents.of("SEV3", service).opened("Receiver misbehaves");
        String id = opened.id() + ":" + target;
        topic.publish(opened);
        awaitOrDump(opened.id(), PATIENCE, () -> attempts(id) >= 1);
        JsonNode attempt = DeliveriesClient.delivery(http, id).getBody().path("attempts").get(0);
        assertThat(attempt.path("outcome").asString()).isEqualTo("FAILED");
        return attempt;
    }

    private int attempts(String deliveryId) {
        JsonNode delivery = DeliveriesClient.delivery(http, deliveryId).getBody();
        return delivery == null ? 0 : delivery.path("attempts").size();
    }
}
