package org.incidentplatform.notification.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.incidentplatform.notification.DeliveriesClient.deliveriesOf;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.UUID;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.incidentplatform.events.EventTypes;
import org.incidentplatform.notification.NotificationServiceTest;
import org.incidentplatform.consuming.testing.TestEvent;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import tools.jackson.databind.JsonNode;

@ExtendWith(OutputCaptureExtension.class)
class IncidentTopicConsumptionTest extends NotificationServiceTest {

    private static final Duration PATIENCE = Duration.ofSeconds(20);
    private static final String UNKNOWN_TYPE = "org.incidentplatform.incident.not-yet-invented.v1";

    @Autowired
    private MeterRegistry meters;

    @Test
    void anOpenedIncidentIsDeliveredToTheLogChannel(CapturedOutput output) {
        TestEvent opened = TestEvent.opened();

        topic.publish(opened);

        await().atMost(PATIENCE).until(() -> delivered(opened));
        JsonNode delivery = deliveriesOf(http, opened.incidentId()).get(0);
        String text = "Incident opened: " + opened.dataField("title") + " (SEV1)";
        assertThat(delivery.path("id").asString()).isEqualTo(opened.id() + ":log:default");
        assertThat(delivery.path("eventId").asString()).isEqualTo(opened.id());
        assertThat(delivery.path("eventType").asString()).isEqualTo(EventTypes.INCIDENT_OPENED);
        assertThat(delivery.path("channel").asString()).isEqualTo("log");
        assertThat(delivery.path("target").asString()).isEqualTo("default");
        assertThat(delivery.path("attempts")).hasSize(1);
        assertThat(delivery.path("attempts").get(0).path("outcome").asString()).isEqualTo("DELIVERED");
        assertThat(delivery.path("createdAt").isNull()).isFalse();
        assertThat(delivery.path("deliveredAt").isNull()).isFalse();
        assertThat(delivery.path("message").asString()).isEqualTo(text);
        assertThat(output.getOut()).contains("eventId=" + opened.id(), "text=\"" + text + "\"");
    }

    @Test
    void theSameEventDeliveredTwiceIsSentOnce(CapturedOutput output) {
        TestEvent opened = TestEvent.opened();

        topic.publish(opened);
        RecordMetadata redelivery = topic.publish(opened);
        topic.awaitConsumed(GROUP_ID, redelivery);
        await().atMost(PATIENCE).until(() -> delivered(opened));

        assertThat(deliveriesOf(http, opened.incidentId())).hasSize(1);
        assertThat(output.getOut().split("eventId=" + opened.id(), -1)).hasSize(2);
    }

    @Test
    void anUnknownEventTypeIsSkippedAndCountedWhileLaterEventsStillApply() {
        double skippedBefore = unknownTypeCount();
        TestEvent later = TestEvent.opened();
        TestEvent unknown = TestEvent.opened().withType(UNKNOWN_TYPE);

        // Same key as the later event: same partition, so it must be passed before the later one.
        topic.publish(later.incidentId(), unknown.json());
        topic.publish(later);

        await().atMost(PATIENCE).until(() -> delivered(later));
        assertThat(unknownTypeCount()).isGreaterThan(skippedBefore);
        assertThat(deliveriesOf(http, unknown.incidentId())).isEmpty();
    }

    @Test
    void anUnreadableRecordIsDeadLetteredAndLaterEventsStillApply() {
        String garbage = "not json " + UUID.randomUUID();
        TestEvent later = TestEvent.opened();

        topic.publish(later.incidentId(), garbage);
        topic.publish(later);

        await().atMost(PATIENCE).until(() -> delivered(later));
        await().atMost(PATIENCE).until(() -> topic.deadLetterValues().contains(garbage));
    }

    private boolean delivered(TestEvent event) {
        JsonNode deliveries = deliveriesOf(http, event.incidentId());
        return !deliveries.isEmpty() && deliveries.get(0).path("status").asString().equals("DELIVERED");
    }

    private double unknownTypeCount() {
        Counter counter = meters.find("incident.events.unknown").tag("type", UNKNOWN_TYPE).counter();
        return counter == null ? 0 : counter.count();
    }
}
