package org.incidentplatform.timeline.entries;

import org.incidentplatform.consuming.DeliveryEventReader;
import org.incidentplatform.consuming.ReceivedDelivery;
import java.util.List;
import java.util.Optional;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.incidentplatform.events.Topics;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Feeds notification-service's delivery outcomes into the timeline, in the same consumer group
 * and under the same shared error handler as the incident topic: unreadable records go to
 * {@code notification-deliveries.v1.dlt}, other failures are retried.
 */
@Component
class DeliveryEventsListener {

    private final DeliveryEventReader reader;
    private final TimelineProjection projection;
    private final ReplayBoundary replay;

    DeliveryEventsListener(DeliveryEventReader reader, TimelineProjection projection, ReplayBoundary replay) {
        this.reader = reader;
        this.projection = projection;
        this.replay = replay;
    }

    /** A poll's records in one go, as for the incident topic ({@link TimelinePolls}). */
    @KafkaListener(id = TimelineListeners.DELIVERY_EVENTS, topics = Topics.DELIVERY_EVENTS,
            groupId = TimelineListeners.GROUP_ID, batch = "true")
    void on(List<ConsumerRecord<String, String>> records) {
        TimelinePolls.record(records, this::entryOf, projection, replay);
    }

    private Optional<TimelineEntry> entryOf(ConsumerRecord<String, String> record) {
        ReceivedDelivery delivery = reader.read(record.value());
        return delivery.payload().isPresent() ? Optional.of(DeliveryEntries.from(delivery)) : Optional.empty();
    }
}
