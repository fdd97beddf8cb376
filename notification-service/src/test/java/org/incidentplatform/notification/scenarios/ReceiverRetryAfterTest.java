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
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * A receiver that asks for an absurd Retry-After (years in seconds, or a date in 9999) gets its
 * failure recorded and the retry scheduled at most an hour later (notifications.delivery.max-retry-after);
 * it is not sent the same delivery again and again.
 */
class ReceiverRetryAfterTest extends NotificationServiceTest {

    private static final Duration PATIENCE = Duration.ofSeconds(15);
    private static final Duration CAP = Duration.ofHours(1);

    @Test
    void retryAfterInYearsOfSecondsIsCappedAtAnHourAndTheFailureIsRecordedOnce() {
        JsonNode delivery = firstAttemptAgainst("retry-after-seconds", Mode.RETRY_AFTER_YEARS, 429);
        assertThat(delivery.path("status").asString()).isEqualTo("FAILED");
    }

    @Test
    void retryAfterAsADateInTheYear9999IsCappedAtAnHour() {
        JsonNode delivery = firstAttemptAgainst("retry-after-date", Mode.UNAVAILABLE_UNTIL_9999, 503);
        assertThat(delivery.path("status").asString()).isEqualTo("FAILED");
    }

    private JsonNode firstAttemptAgainst(String target, Mode mode, int status) {
        String path = hostilePath(target);
        receivers.mode(path, mode);
        TestEvent opened = Incidents.of("SEV3", target).opened("Receiver asks to wait for ever");
        String id = opened.id() + ":webhook:" + target;
        int hitsBefore = receivers.hits(path);
        Instant before = Instant.now();

        topic.publish(opened);
        awaitOrDump(opened.id(), PATIENCE, () -> attempts(id) >= 1);
        Instant after = Instant.now();

        JsonNode delivery = DeliveriesClient.delivery(http, id).getBody();
        JsonNode attempt = delivery.path("attempts").get(0);
        assertThat(attempt.path("outcome").asString()).isEqualTo("FAILED");
        assertThat(attempt.path("responseCode").asInt()).isEqualTo(status);
        assertThat(Instant.parse(delivery.path("nextAttemptAt").asString()))
                .isBetween(before.plus(CAP), after.plus(CAP).plusSeconds(1));
        // Longer than the test lease (3 s): a delivery whose outcome was lost would go out again by then.
        await().during(Duration.ofSeconds(5)).atMost(Duration.ofSeconds(7))
                .until(() -> receivers.hits(path) - hitsBefore == 1 && attempts(id) == 1);
        return DeliveriesClient.delivery(http, id).getBody();
    }

    private int attempts(String deliveryId) {
        JsonNode delivery = DeliveriesClient.delivery(http, deliveryId).getBody();
        return delivery == null ? 0 : delivery.path("attempts").size();
    }
}
