package org.incidentplatform.notification.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.incidentplatform.consuming.IncidentEventReader;
import org.incidentplatform.consuming.ReceivedEvent;
import org.incidentplatform.events.EventSamples;
import org.incidentplatform.events.EventTypes;
import org.incidentplatform.events.Topics;
import org.incidentplatform.notification.NotificationServiceTest;
import org.incidentplatform.consuming.testing.TestEvent;
import org.incidentplatform.notification.channel.Notification;
import org.incidentplatform.notification.channel.NotificationChannel;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.json.JsonMapper;

/** Delivery against the real delivery log, without Kafka in between. */
class NotificationDispatcherTest extends NotificationServiceTest {

    @Autowired
    private IncidentEventsListener listener;

    @Autowired
    private IncidentEventReader reader;

    @Autowired
    private DeliveryLog deliveries;

    @Test
    void everyPublishedSampleIsDeliveredToTheLogChannel() {
        for (String type : EventTypes.all()) {
            String sample = EventSamples.json(type);

            listener.on(new ConsumerRecord<>(Topics.INCIDENT_EVENTS, 0, 0, "key", sample));

            String eventId = JsonMapper.builder().build().readTree(sample).path("id").asString();
            assertThat(deliveries.find(eventId + ":log:default"))
                    .as("delivery of the %s sample", type)
                    .hasValueSatisfying(d -> assertThat(d.status()).isEqualTo(DeliveryStatus.DELIVERED));
        }
    }

    @Test
    void aFailedSendIsRetriedWithTheEventAndNeverRepeatedOnceDelivered() {
        var flaky = new RecordingChannel("flaky", 1);
        var dispatcher = new NotificationDispatcher(List.of(flaky), deliveries);
        ReceivedEvent event = reader.read(TestEvent.opened().json());
        String deliveryId = event.eventId() + ":flaky:default";

        assertThatThrownBy(() -> dispatcher.on(event)).hasMessage("flaky is down");
        assertThat(deliveries.find(deliveryId)).hasValueSatisfying(d -> {
            assertThat(d.status()).isEqualTo(DeliveryStatus.FAILED);
            assertThat(d.lastError()).contains("flaky is down");
        });

        dispatcher.on(event);
        dispatcher.on(event);

        assertThat(flaky.sent).hasSize(1);
        assertThat(deliveries.find(deliveryId)).hasValueSatisfying(d -> {
            assertThat(d.status()).isEqualTo(DeliveryStatus.DELIVERED);
            assertThat(d.attempts()).isEqualTo(2);
            assertThat(d.deliveredAt()).isNotNull();
            assertThat(d.lastError()).isNull();
        });
    }

    @Test
    void aFailingChannelDoesNotHoldBackTheOthers() {
        var broken = new RecordingChannel("broken", Integer.MAX_VALUE);
        var healthy = new RecordingChannel("healthy", 0);
        var dispatcher = new NotificationDispatcher(List.of(broken, healthy), deliveries);
        ReceivedEvent event = reader.read(TestEvent.opened().json());

        assertThatThrownBy(() -> dispatcher.on(event)).hasMessage("broken is down");

        assertThat(healthy.sent).hasSize(1);
        assertThat(deliveries.find(event.eventId() + ":healthy:default"))
                .hasValueSatisfying(d -> assertThat(d.status()).isEqualTo(DeliveryStatus.DELIVERED));
    }

    /** A channel that fails its first {@code failures} sends and remembers what it sent. */
    private static final class RecordingChannel implements NotificationChannel {

        private final String name;
        private int failures;
        private final List<Notification> sent = new ArrayList<>();

        RecordingChannel(String name, int failures) {
            this.name = name;
            this.failures = failures;
        }

        @Override
        public String name() {
            return name;
        }

        @Override
        public void send(Notification notification) {
            if (failures > 0) {
                failures--;
                throw new IllegalStateException(name + " is down");
            }
            sent.add(notification);
        }
    }
}
