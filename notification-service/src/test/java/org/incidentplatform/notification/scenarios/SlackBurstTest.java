package org.incidentplatform.notification.scenarios;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import org.incidentplatform.notification.DeliveriesClient;
import org.incidentplatform.notification.FakeReceivers.SlackMessage;
import org.incidentplatform.notification.Incidents;
import org.incidentplatform.notification.NotificationServiceTest;
import org.junit.jupiter.api.Test;

class SlackBurstTest extends NotificationServiceTest {

    private static final int UPDATES = 200;
    private static final String[] STATUSES = {"INVESTIGATING", "IDENTIFIED", "MONITORING"};

    @Test
    void aBurstOfUpdatesToARateLimitedChannelIsCoalescedIntoAHandfulOfMessagesEndingInTheFinalState() {
        Incidents incident = Incidents.of("SEV3", "burst");
        long started = System.nanoTime();

        topic.publish(incident.opened("Queue backlog"));
        for (int i = 1; i <= UPDATES; i++) {
            topic.publish(incident.statusUpdate(i, STATUSES[i % 3], "update " + i));
        }
        String query = "incidentId=" + incident.id() + "&channel=slack&status=DELIVERED";
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(250))
                .until(() -> DeliveriesClient.all(http, query).size() == UPDATES + 1);
        Duration took = Duration.ofNanos(System.nanoTime() - started);

        List<SlackMessage> messages = receivers.slackMessages(incident.id());
        System.out.printf("Burst of %d updates: %d Slack messages in %d ms%n", UPDATES, messages.size(), took.toMillis());
        // Coalescing, not speed, is the rule: at most about one message per second of the burst
        // (however slow a loaded machine makes it), and a handful rather than one per update.
        assertThat(messages).hasSizeGreaterThanOrEqualTo(2)
                .hasSizeLessThanOrEqualTo((int) Math.min(20, took.toSeconds() + 2));
        assertThat(receivers.rateLimited()).doesNotContain("C-BURST");
        SlackMessage parent = messages.getFirst();
        assertThat(messages.getLast().blocks()).contains("update " + UPDATES);
        // UPDATES % 3 == 2: the last status is MONITORING, which the edited parent must show.
        assertThat(receivers.slackEdits("C-BURST", parent.ts()).getLast().blocks()).contains("Status: MONITORING");
    }
}
