package org.incidentplatform.timeline.entries;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.incidentplatform.timeline.TimelineClient.entries;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.incidentplatform.embedded.SharedInfrastructure;
import org.incidentplatform.events.DeliveryEventTypes;
import org.incidentplatform.events.EventTypes;
import org.incidentplatform.events.Topics;
import org.incidentplatform.timeline.DeliveryTopic;
import org.incidentplatform.timeline.IncidentSamples;
import org.incidentplatform.timeline.TimelineServiceTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/** Delivery outcomes from notification-service's topic, through the second listener. */
class DeliveryTopicConsumptionTest extends TimelineServiceTest {

    private static final Duration PATIENCE = Duration.ofSeconds(20);
    private static final String UNKNOWN_TYPE = "org.incidentplatform.notification.read-receipt.v1";

    @Autowired
    private MeterRegistry meters;

    @Test
    void deliveryOutcomesJoinTheIncidentsTimelineNextToTheNotifiedEvent() {
        IncidentSamples incident = new IncidentSamples();
        topic.publish(incident.event(EventTypes.INCIDENT_OPENED, 0));
        topic.publish(incident.event(EventTypes.STATUS_UPDATED, 2).withData("occurredAt", "2026-11-21T10:00:00Z"));
        String delivered = incident.delivery(DeliveryEventTypes.NOTIFICATION_DELIVERED, 0);
        String failed = incident.delivery(DeliveryEventTypes.NOTIFICATION_FAILED, 0);
        deliveries.publish(incident.incidentId(), delivered);
        deliveries.publish(incident.incidentId(), failed);

        await().atMost(PATIENCE).until(() -> entries(http, incident.incidentId()).size() == 4);
        JsonNode timeline = entries(http, incident.incidentId());
        assertThat(timeline.valueStream().map(e -> e.path("text").asString())).containsExactly(
                "Incident opened: DNS records missing after provider switch (SEV1)",
                "Slack #ops notified",
                "Email to oncall@example.com failed (attempt 3): SMTP connection timed out; no more attempts",
                "Investigating: We are investigating failed API requests.");
        assertThat(timeline.get(1).path("eventId").asString()).isEqualTo(DeliveryTopic.id(delivered));
        assertThat(timeline.get(1).path("visibility").asString()).isEqualTo("INTERNAL");
        assertThat(timeline.get(1).path("incidentSequence").asLong()).isZero();
    }

    @Test
    void anUnknownDeliveryTypeIsSkippedAndCountedWhileLaterOnesStillApply() {
        IncidentSamples incident = new IncidentSamples();
        topic.publish(incident.event(EventTypes.INCIDENT_OPENED, 0));
        String unknown = DeliveryTopic.with(incident.delivery(DeliveryEventTypes.NOTIFICATION_DELIVERED, 0), "type", UNKNOWN_TYPE);
        deliveries.publish(incident.incidentId(), unknown);
        deliveries.publish(incident.incidentId(), incident.delivery(DeliveryEventTypes.NOTIFICATION_FAILED, 0));

        await().atMost(PATIENCE).until(() -> entries(http, incident.incidentId()).size() == 2);
        Counter skipped = meters.find("delivery.events.unknown").tag("type", UNKNOWN_TYPE).counter();
        assertThat(skipped).isNotNull();
        assertThat(skipped.count()).isPositive();
    }

    @Test
    void anUnreadableDeliveryIsDeadLetteredAndLaterOnesStillApply() {
        IncidentSamples incident = new IncidentSamples();
        String garbage = "{\"not\": \"a cloud event\", \"nonce\": \"" + UUID.randomUUID() + "\"}";
        topic.publish(incident.event(EventTypes.INCIDENT_OPENED, 0));
        deliveries.publish(incident.incidentId(), garbage);
        deliveries.publish(incident.incidentId(), incident.delivery(DeliveryEventTypes.NOTIFICATION_DELIVERED, 0));

        await().atMost(PATIENCE).until(() -> entries(http, incident.incidentId()).size() == 2);
        await().atMost(PATIENCE).until(() -> deadLetters().contains(garbage));
    }

    private static List<String> deadLetters() {
        try (var consumer = new KafkaConsumer<String, String>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, SharedInfrastructure.kafka().bootstrapServers(),
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class,
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class))) {
            List<TopicPartition> partitions = consumer.partitionsFor(Topics.DELIVERY_EVENTS + ".dlt").stream()
                    .map(info -> new TopicPartition(info.topic(), info.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            var values = new java.util.ArrayList<String>();
            var ends = consumer.endOffsets(partitions);
            long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
            while (partitions.stream().anyMatch(p -> consumer.position(p) < ends.get(p)) && System.nanoTime() < deadline) {
                consumer.poll(Duration.ofMillis(200)).forEach(r -> values.add(r.value()));
            }
            return values;
        }
    }
}
