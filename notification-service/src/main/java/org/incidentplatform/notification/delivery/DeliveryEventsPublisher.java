package org.incidentplatform.notification.delivery;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.incidentplatform.events.DeliveryEvent;
import org.incidentplatform.events.DeliveryEventTypes;
import org.incidentplatform.events.IncidentCloudEvent;
import org.incidentplatform.events.Topics;
import org.incidentplatform.tracing.Traceparent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Publishes every attempt's outcome on {@link Topics#DELIVERY_EVENTS}, keyed by incident id, and
 * dead-lettered delivery records on its {@code .dlt}, through {@link DeliveryEventsOutbox}: the
 * delivery thread writes to MongoDB and returns, {@link DeliveryEventsRelay} talks to Kafka. Best
 * effort after the delivery record was written: the record is the truth, and an event that could
 * not even be queued leaves the timeline one line short, not a message unsent or sent twice.
 */
@Component
class DeliveryEventsPublisher {

    static final String DEAD_LETTERS = Topics.DELIVERY_EVENTS + ".dlt";
    private static final Logger log = LoggerFactory.getLogger(DeliveryEventsPublisher.class);

    private final DeliveryEventsOutbox outbox;
    private final JsonMapper json;
    private final Clock clock;

    DeliveryEventsPublisher(DeliveryEventsOutbox outbox, JsonMapper json, Clock clock) {
        this.outbox = outbox;
        this.json = json;
        this.clock = clock;
    }

    /**
     * An attempt's outcome to publish.
     *
     * @param traceparent the span of the send, which the record continues
     */
    record Outcome(Delivery delivery, DeliveryEvent event, String traceparent) {
    }

    /** Queues the outcomes of many attempts with one insert. */
    void publishAll(List<Outcome> outcomes) {
        if (outcomes.isEmpty()) {
            return;
        }
        List<DeliveryEventsOutbox.Entry> entries = new ArrayList<>(outcomes.size());
        for (Outcome outcome : outcomes) {
            Delivery delivery = outcome.delivery();
            var envelope = new IncidentCloudEvent<>(IncidentCloudEvent.SPEC_VERSION, UUID.randomUUID().toString(),
                    DeliveryEventTypes.SOURCE, DeliveryEventTypes.typeNameOf(outcome.event().getClass()),
                    delivery.incidentId(), clock.instant(), IncidentCloudEvent.CONTENT_TYPE, delivery.incidentSequence(),
                    "notification-service", delivery.correlationId(), outcome.traceparent(), outcome.event());
            entries.add(outbox.entry(Topics.DELIVERY_EVENTS, delivery.incidentId(), json.writeValueAsString(envelope),
                    outcome.traceparent()));
        }
        try {
            outbox.addAll(entries);
        } catch (RuntimeException failure) {
            log.warn("Could not queue {} delivery event(s): {}", entries.size(), failure.toString());
        }
    }

    void deadLetter(Delivery delivery) {
        queue(DEAD_LETTERS, delivery.incidentId(), json.writeValueAsString(delivery));
    }

    private void queue(String topic, String key, String value) {
        try {
            outbox.add(topic, key, value, Traceparent.current());
        } catch (RuntimeException failure) {
            log.warn("Could not queue a record for {} of incident {}: {}", topic, key, failure.toString());
        }
    }
}
