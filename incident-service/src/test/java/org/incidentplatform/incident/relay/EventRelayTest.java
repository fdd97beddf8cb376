package org.incidentplatform.incident.relay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.messaging.MetaData;
import org.incidentplatform.embedded.SharedInfrastructure;
import org.incidentplatform.events.IncidentAcknowledged;
import org.incidentplatform.events.IncidentOpened;
import org.incidentplatform.events.Severity;
import org.incidentplatform.events.Topics;
import org.incidentplatform.incident.ApiClient;
import org.incidentplatform.incident.IncidentServiceTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpMethod;
import tools.jackson.databind.json.JsonMapper;

/**
 * The cases that made timestamp tracking incomplete, against the running service: events that
 * become visible long after their timestamp. The events here are stored straight into the event
 * store, as a command's unit of work would, but without the unit of work's own view update, so
 * they also stand for a view write lost to a MongoDB outage: the relay alone must bring the view
 * and the incident topic up to date.
 */
@IncidentServiceTest
class EventRelayTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @LocalServerPort
    int port;

    @Autowired
    EventStorageEngine store;

    @Autowired
    RelayCursors cursors;

    @Test
    void eventsStampedAnHourAgoByASkewedClockAreRelayedToTheViewAndTheTopic() {
        // Something recent first, so that a timestamp-tracking reader would already be past the hour.
        String recent = openThroughApi();
        awaitOnTopic(recent, 1);

        String incidentId = "skewed-" + UUID.randomUUID();
        store.appendEvents(incidentEvents(incidentId, Instant.now().minus(Duration.ofHours(1))));

        assertThat(awaitOnTopic(incidentId, 2)).hasSize(2);
        awaitViewStatus(incidentId, "ACKNOWLEDGED");
    }

    @Test
    void aWriterStalledBetweenAnnouncingAndStoringIsRelayedWhenItFinallyStores() {
        String incidentId = "stalled-" + UUID.randomUUID();
        List<DomainEventMessage<?>> events = incidentEvents(incidentId, Instant.now());
        cursors.announce(events); // The writer announced, then stalled before storing.

        // The relay passes by meanwhile: it relays later writes and leaves the stalled one pending.
        String later = openThroughApi();
        awaitOnTopic(later, 1);
        RelayCursors.Cursor stalled = cursors.find(incidentId).orElseThrow();
        assertThat(stalled.announced()).isEqualTo(1);
        assertThat(stalled.relayed()).isEqualTo(-1);
        assertThat(stalled.pendingSince()).isNotNull();

        store.appendEvents(events); // The writer wakes up, seconds after stamping its events.

        assertThat(awaitOnTopic(incidentId, 2)).hasSize(2);
        awaitViewStatus(incidentId, "ACKNOWLEDGED");
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            RelayCursors.Cursor settled = cursors.find(incidentId).orElseThrow();
            assertThat(settled.pendingSince()).as("still pending").isNull();
            assertThat(settled.relayed()).isEqualTo(1);
        });
    }

    private static List<DomainEventMessage<?>> incidentEvents(String incidentId, Instant stampedAt) {
        List<DomainEventMessage<?>> events = new ArrayList<>();
        events.add(new GenericDomainEventMessage<>("Incident", incidentId, 0,
                new IncidentOpened(incidentId, "Relayed late", null, Severity.SEV2, List.of(), null, null, stampedAt),
                MetaData.emptyInstance(), UUID.randomUUID().toString(), stampedAt));
        events.add(new GenericDomainEventMessage<>("Incident", incidentId, 1,
                new IncidentAcknowledged(incidentId, stampedAt),
                MetaData.emptyInstance(), UUID.randomUUID().toString(), stampedAt));
        return events;
    }

    private String openThroughApi() {
        return new ApiClient(port).send(HttpMethod.POST, "/api/v1/incidents",
                "{\"title\":\"Written meanwhile\",\"severity\":\"SEV3\"}").body().get("id").asString();
    }

    private void awaitViewStatus(String incidentId, String status) {
        ApiClient api = new ApiClient(port);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            ApiClient.Response response = api.send(HttpMethod.GET, "/api/v1/incidents/" + incidentId, null);
            assertThat(response.status()).isEqualTo(200);
            assertThat(response.body().get("status").asString()).isEqualTo(status);
        });
    }

    /** The event ids on the topic under this key, read from the start until {@code expected} were seen or 30 s passed. */
    private static List<String> awaitOnTopic(String key, int expected) {
        List<String> ids = new ArrayList<>();
        try (var consumer = new KafkaConsumer<String, String>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, SharedInfrastructure.kafka().bootstrapServers(),
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class,
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class))) {
            List<TopicPartition> partitions = consumer.partitionsFor(Topics.INCIDENT_EVENTS).stream()
                    .map(info -> new TopicPartition(info.topic(), info.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (ids.size() < expected && System.nanoTime() < deadline) {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(200))) {
                    String id = JSON.readTree(record.value()).get("id").asString();
                    if (key.equals(record.key()) && !ids.contains(id)) {
                        ids.add(id);
                    }
                }
            }
        }
        return ids;
    }
}
