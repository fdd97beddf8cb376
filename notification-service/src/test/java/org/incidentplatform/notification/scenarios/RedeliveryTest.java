package org.incidentplatform.notification.scenarios;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.incidentplatform.notification.DeliveriesClient.allDelivered;

import java.time.Duration;
import java.util.List;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.incidentplatform.consuming.testing.TestEvent;
import org.incidentplatform.notification.Incidents;
import org.incidentplatform.notification.Mailbox;
import org.incidentplatform.notification.NotificationServiceTest;
import org.junit.jupiter.api.Test;

class RedeliveryTest extends NotificationServiceTest {

    @Test
    void eventsDeliveredAgainByKafkaSendNoSecondMessageAnywhere() {
        Incidents incident = Incidents.of("SEV2", "lifecycle");
        List<TestEvent> events = List.of(incident.opened("Checkout errors"),
                incident.statusUpdate(1, "INVESTIGATING", "Looking at the payment gateway"),
                incident.statusUpdate(2, "IDENTIFIED", "Gateway certificate expired"));
        events.forEach(topic::publish);
        awaitOrDump(incident.id(), Duration.ofSeconds(20), () -> allDelivered(http, incident.id(), events.size() * 5));
        Counts before = counts(incident.id());

        RecordMetadata last = null;
        for (TestEvent event : events) {
            last = topic.publish(event);
        }
        topic.awaitConsumed(GROUP_ID, last);

        await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(3))
                .untilAsserted(() -> assertThat(counts(incident.id())).isEqualTo(before));
        assertThat(before.slack()).isGreaterThanOrEqualTo(2);
        assertThat(before.teams()).isEqualTo(3);
        assertThat(before.webhooks()).isEqualTo(3);
    }

    private record Counts(int slack, long teams, long webhooks, int mails) {
    }

    private Counts counts(String incidentId) {
        return new Counts(receivers.slackMessages(incidentId).size(),
                receivers.calls(TEAMS_PATH).stream().filter(c -> c.body().contains(incidentId)).count(),
                receivers.calls(WEBHOOK_PATH).stream().filter(c -> c.body().contains(incidentId)).count(),
                Mailbox.about(smtp, "oncall@example.test", incidentId).size());
    }
}
