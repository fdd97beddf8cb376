package org.incidentplatform.timeline.entries;

import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.incidentplatform.consuming.RecordBatches;
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

    /**
     * A poll's records in one go, as for the incident topic: two commands per batch instead of one
     * per delivery event; a failing batch is recorded again record by record.
     */
    @KafkaListener(id = TimelineListeners.DELIVERY_EVENTS, topics = Topics.DELIVERY_EVENTS,
            groupId = TimelineListeners.GROUP_ID, batch = "true")
    void on(List<ConsumerRecord<String, String>> records) {
        RecordBatches.handle(records, this::recordAll, this::recordOne);
    }

    private void recordAll(List<ConsumerRecord<String, String>> records) {
        List<TimelineEntry> entries = new ArrayList<>(records.size());
        List<Boolean> live = new ArrayList<>(records.size());
        for (ConsumerRecord<String, String> record : records) {
            ReceivedDelivery delivery = reader.read(record.value());
            if (delivery.payload().isPresent()) {
                entries.add(DeliveryEntries.from(delivery));
                live.add(!replay.covers(record));
            }
        }
        projection.recordAll(entries, live);
    }

    private void recordOne(ConsumerRecord<String, String> record) {
        ReceivedDelivery delivery = reader.read(record.value());
        if (delivery.payload().isPresent()) {
            projection.record(DeliveryEntries.from(delivery), !replay.covers(record));
        }
    }
}
