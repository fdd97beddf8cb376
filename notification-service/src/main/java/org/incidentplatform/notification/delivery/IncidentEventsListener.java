package org.incidentplatform.notification.delivery;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.incidentplatform.consuming.IncidentEventReader;
import org.incidentplatform.consuming.ReceivedEvent;
import org.incidentplatform.events.Topics;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Feeds the incident topic into the planner. The offset is committed only after this method
 * returns, so every delivery of an event has been recorded before the event counts as consumed;
 * the method does not send, so it returns in milliseconds whatever the receivers do. Failures
 * (MongoDB away) are retried and unreadable records dead-lettered by the shared error handler.
 */
@Component
class IncidentEventsListener {

    static final String LISTENER_ID = "incident-events";
    private static final Logger log = LoggerFactory.getLogger(IncidentEventsListener.class);

    private final IncidentEventReader reader;
    private final DeliveryPlanner planner;

    IncidentEventsListener(IncidentEventReader reader, DeliveryPlanner planner) {
        this.reader = reader;
        this.planner = planner;
    }

    @KafkaListener(id = LISTENER_ID, topics = Topics.INCIDENT_EVENTS, groupId = "notification-service")
    void on(ConsumerRecord<String, String> record) {
        ReceivedEvent event = reader.read(record.value());
        // An unknown type has an empty payload; the reader has already counted it.
        if (event.payload().isPresent()) {
            try {
                planner.plan(event, record.value());
            } catch (RuntimeException failure) {
                // The shared error handler retries with back-off; say why, or a stalled partition is a mystery.
                log.warn("Recording deliveries of event {} failed, will retry: {}", event.eventId(), failure.toString());
                throw failure;
            }
        }
    }
}
