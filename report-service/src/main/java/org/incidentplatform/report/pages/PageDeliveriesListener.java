package org.incidentplatform.report.pages;

import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.incidentplatform.consuming.DeliveryEventReader;
import org.incidentplatform.consuming.ReceivedDelivery;
import org.incidentplatform.events.NotificationDelivered;
import org.incidentplatform.events.NotificationFailed;
import org.incidentplatform.events.Topics;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Keeps the delivery outcomes of pages from notification-service's delivery topic, a poll at a
 * time, for the post-mortem. Other deliveries (channel messages) are not the post-mortem's
 * business; the timeline has them all. Offsets are committed after the write; unreadable records
 * are dead-lettered by the shared error handler.
 */
@Component
class PageDeliveriesListener {

    static final String CONTAINER_ID = "report-page-deliveries";
    /**
     * A group of its own: a rebuild of the reports rewinds the incident topic's offsets, which Kafka
     * allows only for a group with no member running; these deliveries are kept apart and not rebuilt.
     */
    static final String GROUP_ID = "report-service-page-deliveries";
    private static final String PAGE_CHANNELS = "page-";

    private final DeliveryEventReader reader;
    private final PageDeliveries deliveries;

    PageDeliveriesListener(DeliveryEventReader reader, PageDeliveries deliveries) {
        this.reader = reader;
        this.deliveries = deliveries;
    }

    @KafkaListener(id = CONTAINER_ID, topics = Topics.DELIVERY_EVENTS, groupId = GROUP_ID, batch = "true")
    void on(List<ConsumerRecord<String, String>> records) {
        List<PageDelivery> pages = new ArrayList<>();
        for (ConsumerRecord<String, String> record : records) {
            ReceivedDelivery delivery = reader.read(record.value());
            delivery.payload().ifPresent(payload -> {
                switch (payload) {
                    case NotificationDelivered d when d.channel() != null && d.channel().startsWith(PAGE_CHANNELS) ->
                            pages.add(new PageDelivery(delivery.eventId(), delivery.incidentId(), delivery.incidentSequence(),
                                    d.channel(), d.target(), d.attempt(), true, null, false, d.occurredAt()));
                    case NotificationFailed f when f.channel() != null && f.channel().startsWith(PAGE_CHANNELS) ->
                            pages.add(new PageDelivery(delivery.eventId(), delivery.incidentId(), delivery.incidentSequence(),
                                    f.channel(), f.target(), f.attempt(), false, f.error(), f.willRetry(), f.occurredAt()));
                    default -> { }
                }
            });
        }
        deliveries.recordAll(pages);
    }
}
