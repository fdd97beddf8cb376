package org.incidentplatform.notification.delivery;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.incidentplatform.consuming.IncidentEventReader;
import org.incidentplatform.consuming.ReceivedEvent;
import org.incidentplatform.events.Topics;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Feeds the incident topic into the dispatcher. The offset is committed only after this method
 * returns, so every delivery of an event has been claimed before the event counts as consumed;
 * failures are retried and unreadable records dead-lettered by the shared error handler.
 */
@Component
class IncidentEventsListener {

    private final IncidentEventReader reader;
    private final NotificationDispatcher dispatcher;

    IncidentEventsListener(IncidentEventReader reader, NotificationDispatcher dispatcher) {
        this.reader = reader;
        this.dispatcher = dispatcher;
    }

    @KafkaListener(topics = Topics.INCIDENT_EVENTS, groupId = "notification-service")
    void on(ConsumerRecord<String, String> record) {
        ReceivedEvent event = reader.read(record.value());
        // An unknown type has an empty payload; the reader has already counted it.
        if (event.payload().isPresent()) {
            dispatcher.on(event);
        }
    }
}
