package org.incidentplatform.report.projection;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;
import org.incidentplatform.events.Topics;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.kafka.listener.MessageListenerContainer;
import org.springframework.stereotype.Component;

/**
 * Wipes the reports and replays the incident topic from its start.
 *
 * <p>The listener container is stopped first, so no event is applied while the collection is
 * cleared: every event after the restart lands in an empty collection, in topic order. The
 * group's offsets are rewound while the group is empty; if another instance still consumes in
 * the group, Kafka refuses the rewind and nothing has been wiped yet. The container is started
 * again in every case. Until the replay has caught up, reports are missing or behind.
 */
@Component
public class ProjectionRebuild {

    private static final Logger log = LoggerFactory.getLogger(ProjectionRebuild.class);
    private static final Duration ADMIN_TIMEOUT = Duration.ofSeconds(15);

    private final KafkaListenerEndpointRegistry listeners;
    private final KafkaAdmin kafkaAdmin;
    private final MongoOperations mongo;

    ProjectionRebuild(KafkaListenerEndpointRegistry listeners, KafkaAdmin kafkaAdmin, MongoOperations mongo) {
        this.listeners = listeners;
        this.kafkaAdmin = kafkaAdmin;
        this.mongo = mongo;
    }

    /** What a rebuild replays: per partition, from the first offset up to the end captured at the start. */
    public record Replay(Map<Integer, Long> replayFrom, Map<Integer, Long> replayUntil, long reportsCleared) {
    }

    /** Thrown when the rewind is refused because other consumers are still active in the group. */
    public static class GroupBusyException extends RuntimeException {
        GroupBusyException(String message, Throwable cause) {
            super(message, cause);
        }
    }

    public synchronized Replay rebuild() {
        MessageListenerContainer container = listeners.getListenerContainer(IncidentEventsListener.CONTAINER_ID);
        if (container == null) {
            throw new IllegalStateException("No listener container " + IncidentEventsListener.CONTAINER_ID);
        }
        container.stop();
        try (Admin admin = Admin.create(kafkaAdmin.getConfigurationProperties())) {
            List<TopicPartition> partitions = partitionsOf(admin);
            Map<TopicPartition, Long> earliest = offsets(admin, partitions, OffsetSpec.earliest());
            Map<TopicPartition, Long> latest = offsets(admin, partitions, OffsetSpec.latest());
            rewind(admin, earliest);
            long cleared = mongo.remove(new Query(), IncidentReport.class).getDeletedCount();
            mongo.remove(new Query(), ReportEvents.COLLECTION);
            log.info("Rebuilding reports: cleared {}, replaying {} up to {}", cleared, earliest, latest);
            return new Replay(byPartition(earliest), byPartition(latest), cleared);
        } finally {
            container.start();
        }
    }

    private static List<TopicPartition> partitionsOf(Admin admin) {
        try {
            return admin.describeTopics(List.of(Topics.INCIDENT_EVENTS)).allTopicNames()
                    .get(ADMIN_TIMEOUT.toSeconds(), TimeUnit.SECONDS)
                    .get(Topics.INCIDENT_EVENTS).partitions().stream()
                    .map(info -> new TopicPartition(Topics.INCIDENT_EVENTS, info.partition()))
                    .toList();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof UnknownTopicOrPartitionException) {
                return List.of(); // Nothing was ever published: an empty projection is the rebuilt one.
            }
            throw new IllegalStateException("Cannot describe " + Topics.INCIDENT_EVENTS, e.getCause());
        } catch (InterruptedException | TimeoutException e) {
            throw interrupted(e);
        }
    }

    private static Map<TopicPartition, Long> offsets(Admin admin, List<TopicPartition> partitions, OffsetSpec spec) {
        try {
            return admin.listOffsets(partitions.stream().collect(Collectors.toMap(Function.identity(), p -> spec)))
                    .all().get(ADMIN_TIMEOUT.toSeconds(), TimeUnit.SECONDS).entrySet().stream()
                    .collect(Collectors.toMap(Map.Entry::getKey, e -> e.getValue().offset()));
        } catch (ExecutionException e) {
            throw new IllegalStateException("Cannot list offsets of " + Topics.INCIDENT_EVENTS, e.getCause());
        } catch (InterruptedException | TimeoutException e) {
            throw interrupted(e);
        }
    }

    private static void rewind(Admin admin, Map<TopicPartition, Long> earliest) {
        if (earliest.isEmpty()) {
            return;
        }
        try {
            admin.alterConsumerGroupOffsets(IncidentEventsListener.GROUP_ID, earliest.entrySet().stream()
                            .collect(Collectors.toMap(Map.Entry::getKey, e -> new OffsetAndMetadata(e.getValue()))))
                    .all().get(ADMIN_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            throw new GroupBusyException("Consumer group " + IncidentEventsListener.GROUP_ID
                    + " could not be rewound (" + e.getCause().getMessage()
                    + "); stop the other report-service instances and try again", e.getCause());
        } catch (InterruptedException | TimeoutException e) {
            throw interrupted(e);
        }
    }

    private static Map<Integer, Long> byPartition(Map<TopicPartition, Long> offsets) {
        return offsets.entrySet().stream().collect(Collectors.toMap(e -> e.getKey().partition(), Map.Entry::getValue,
                (a, b) -> a, TreeMap::new));
    }

    private static IllegalStateException interrupted(Exception e) {
        if (e instanceof InterruptedException) {
            Thread.currentThread().interrupt();
        }
        return new IllegalStateException("Kafka did not answer in time during the rebuild", e);
    }
}
