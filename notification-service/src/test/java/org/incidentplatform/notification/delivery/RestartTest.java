package org.incidentplatform.notification.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.incidentplatform.notification.DeliveriesClient.allDelivered;
import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.incidentplatform.consuming.testing.TestEvent;
import org.incidentplatform.embedded.SharedInfrastructure;
import org.incidentplatform.notification.FakeReceivers.SlackMessage;
import org.incidentplatform.notification.Incidents;
import org.incidentplatform.notification.NotificationServiceTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.listener.MessageListenerContainer;

/**
 * MUST SHOW 3. A restart is simulated inside the one test context: the Kafka listener container
 * and the delivery worker are stopped, the in-memory rate limiter is forgotten, and both are
 * started again against the same MongoDB database and consumer group. A real process restart
 * also loses the JVM; what survives either way is MongoDB and the committed offsets, which is
 * what these tests exercise.
 */
class RestartTest extends NotificationServiceTest {

    private static final Duration PATIENCE = Duration.ofSeconds(20);

    @Autowired
    private KafkaListenerEndpointRegistry listeners;

    @Autowired
    private DeliveryWorker worker;

    @Autowired
    private TargetRateLimiter limiter;

    @Autowired
    private MongoOperations mongo;

    @Test
    void restartingMidStreamWithKafkaRedeliveringEverythingResendsNothingAlreadyDelivered() throws Exception {
        Incidents incident = Incidents.of("SEV3", "restart");
        List<TestEvent> before = new ArrayList<>(List.of(incident.opened("Disk full on db-2")));
        for (int i = 1; i <= 4; i++) {
            before.add(incident.statusUpdate(i, "INVESTIGATING", "before restart " + i));
        }
        RecordMetadata first = topic.publish(before.getFirst());
        before.subList(1, before.size()).forEach(topic::publish);
        awaitDelivered(incident, before.size() * 3);
        int slackBefore = receivers.slackMessages(incident.id()).size();

        stopService();
        // As if the service died before committing: Kafka hands every event of the stream out again.
        rewindGroupTo(first);
        List<TestEvent> after = new ArrayList<>();
        for (int i = 5; i <= 9; i++) {
            after.add(incident.statusUpdate(i, "MONITORING", "after restart " + i));
        }
        after.forEach(topic::publish);
        startService();

        awaitDelivered(incident, (before.size() + after.size()) * 3);
        List<String> webhookEventIds = receivers.calls(WEBHOOK_PATH).stream().map(c -> c.body())
                .filter(body -> body.contains(incident.id()))
                .map(body -> body.replaceAll("(?s).*?\"id\"\\s*:\\s*\"([^\"]+)\".*", "$1")).toList();
        List<String> published = new ArrayList<>(before.stream().map(TestEvent::id).toList());
        published.addAll(after.stream().map(TestEvent::id).toList());
        assertThat(webhookEventIds).containsExactlyElementsOf(published);
        List<SlackMessage> slack = receivers.slackMessages(incident.id());
        assertThat(slack.stream().filter(m -> !m.isReply())).hasSize(1);
        assertThat(slack.size()).isGreaterThan(slackBefore);
        assertThat(slack.stream().map(m -> m.about("delivery_id")).distinct()).hasSameSizeAs(slack);
    }

    @Test
    void aParentPostCutOffByACrashIsFoundInTheChannelAndNotPostedAgain() {
        Incidents incident = Incidents.of("SEV3", "restart");
        TestEvent opened = incident.opened("Cache stampede");
        String deliveryId = opened.id() + ":slack:restart";
        topic.publish(opened);
        await().atMost(PATIENCE).until(() -> allDelivered(http, incident.id(), 3));
        String parentTs = receivers.slackMessages(incident.id()).getFirst().ts();

        // The state a crash right after chat.postMessage leaves: message sent, ts not recorded,
        // delivery still open in its queue, leased, with its send started.
        Instant now = Instant.now();
        mongo.remove(query(where("_id").is("slack:restart:" + incident.id())), "message_threads");
        mongo.updateFirst(query(where("_id").is(deliveryId)), new Update().set("status", DeliveryStatus.PENDING)
                .set("sendingSince", now.minusSeconds(10)).set("leaseUntil", now.minusSeconds(1))
                .unset("deliveredAt"), Delivery.class);
        mongo.upsert(query(where("_id").is("slack:restart:" + incident.id())), new Update()
                .set("incidentId", incident.id()).set("channel", "slack").set("target", "restart")
                .set("version", 1L).set("dueAt", now).set("open", List.of(deliveryId)), DeliveryQueue.class);

        await().atMost(PATIENCE).until(() -> mongo.findById(deliveryId, Delivery.class).status()
                == DeliveryStatus.DELIVERED);
        assertThat(receivers.slackMessages(incident.id())).hasSize(1);
        assertThat(mongo.findById(deliveryId, Delivery.class).attempts()).hasSize(2);
        assertThat(mongo.findById("slack:restart:" + incident.id(), Map.class, "message_threads"))
                .containsEntry("reference", parentTs);
    }

    private void awaitDelivered(Incidents incident, int count) {
        awaitOrDump(incident.id(), PATIENCE, () -> allDelivered(http, incident.id(), count));
    }

    private void stopService() {
        container().stop();
        worker.stop();
        limiter.forgetAll();
    }

    private void startService() {
        worker.start();
        container().start();
    }

    private MessageListenerContainer container() {
        return listeners.getListenerContainer(IncidentEventsListener.LISTENER_ID);
    }

    private static void rewindGroupTo(RecordMetadata record) throws Exception {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                SharedInfrastructure.kafka().bootstrapServers()))) {
            TopicPartition partition = new TopicPartition(record.topic(), record.partition());
            // The group must be empty (the stopped consumer gone) before its offsets can be moved.
            await().atMost(PATIENCE).ignoreExceptions().until(() -> {
                admin.alterConsumerGroupOffsets(GROUP_ID, Map.of(partition, new OffsetAndMetadata(record.offset())))
                        .all().get();
                return true;
            });
        }
    }
}
