package org.incidentplatform.notification.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.incidentplatform.notification.DeliveriesClient.deliveriesOf;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.incidentplatform.consuming.testing.TestEvent;
import org.incidentplatform.notification.Incidents;
import org.incidentplatform.notification.NotificationServiceTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.listener.MessageListenerContainer;
import tools.jackson.databind.JsonNode;

/**
 * The incident topic is consumed a poll at a time ({@link IncidentEventsListener}). The listener
 * is paused while the records are written, so they arrive together in one batch, and a record in
 * its middle cannot be read: the batch is then planned one record at a time, so everything around
 * the bad record is delivered exactly once and only that record is dead-lettered.
 */
class BatchConsumptionTest extends NotificationServiceTest {

    private static final Duration PATIENCE = Duration.ofSeconds(30);

    @Autowired
    private KafkaListenerEndpointRegistry listeners;

    @Test
    void anUnreadableRecordInTheMiddleOfABatchIsDeadLetteredAndEveryOtherEventIsDeliveredOnce() {
        Incidents incident = Incidents.of("SEV3", "batch");
        List<TestEvent> events = new ArrayList<>(List.of(incident.opened("Queue consumers stalled")));
        for (int i = 1; i <= 6; i++) {
            events.add(incident.statusUpdate(i, "INVESTIGATING", "update " + i));
        }
        String garbage = "not json " + UUID.randomUUID();

        MessageListenerContainer container = listeners.getListenerContainer(IncidentEventsListener.LISTENER_ID);
        container.pause();
        await().atMost(PATIENCE).until(container::isContainerPaused);
        try {
            events.subList(0, 3).forEach(topic::publish);
            topic.publish(incident.id(), garbage);
            events.subList(3, events.size()).forEach(topic::publish);
        } finally {
            container.resume();
        }

        await().atMost(PATIENCE).until(() -> topic.deadLetterValues().contains(garbage));
        await().atMost(PATIENCE).until(() -> deliveredEvents(incident).size() == events.size());
        Set<String> expected = new HashSet<>();
        events.forEach(event -> expected.add(event.id()));
        assertThat(deliveredEvents(incident)).isEqualTo(expected);
        assertThat(deliveriesOf(http, incident.id())).as("one delivery per event, none twice").hasSize(events.size());
    }

    private Set<String> deliveredEvents(Incidents incident) {
        Set<String> delivered = new HashSet<>();
        for (JsonNode delivery : deliveriesOf(http, incident.id())) {
            if (delivery.path("status").asString().equals("DELIVERED")) {
                delivered.add(delivery.path("eventId").asString());
            }
        }
        return delivered;
    }
}
