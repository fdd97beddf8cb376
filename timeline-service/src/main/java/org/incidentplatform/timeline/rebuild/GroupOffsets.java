package org.incidentplatform.timeline.rebuild;

import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;

/** The Kafka side of a rebuild: which partitions there are, where they end, where the group stands. */
final class GroupOffsets {

    private static final long CALL_TIMEOUT_SECONDS = 30;
    private static final long POLL_MILLIS = 200;

    private final Admin admin;
    private final String groupId;

    GroupOffsets(Admin admin, String groupId) {
        this.admin = admin;
        this.groupId = groupId;
    }

    /** Every partition of the topics that exist; a topic nobody has written to yet has none. */
    Set<TopicPartition> partitionsOf(List<String> topics) throws Exception {
        Set<TopicPartition> partitions = new HashSet<>();
        for (var described : admin.describeTopics(topics).topicNameValues().values()) {
            try {
                TopicDescription topic = described.get(CALL_TIMEOUT_SECONDS, TimeUnit.SECONDS);
                topic.partitions().forEach(p -> partitions.add(new TopicPartition(topic.name(), p.partition())));
            } catch (ExecutionException e) {
                if (!(e.getCause() instanceof UnknownTopicOrPartitionException)) {
                    throw e;
                }
            }
        }
        return partitions;
    }

    Map<TopicPartition, Long> offsets(Set<TopicPartition> partitions, OffsetSpec spec) throws Exception {
        var specs = partitions.stream().collect(Collectors.toMap(Function.identity(), p -> spec));
        return admin.listOffsets(specs).all().get(CALL_TIMEOUT_SECONDS, TimeUnit.SECONDS).entrySet().stream()
                .collect(Collectors.toMap(Map.Entry::getKey, e -> e.getValue().offset()));
    }

    /**
     * Points the group at the given offsets. Kafka refuses while the group has members, and a
     * stopped container leaves the group asynchronously, so this retries until it is empty.
     */
    void rewindTo(Map<TopicPartition, Long> offsets, Duration patience) throws Exception {
        var target = offsets.entrySet().stream()
                .collect(Collectors.toMap(Map.Entry::getKey, e -> new OffsetAndMetadata(e.getValue())));
        long deadline = System.nanoTime() + patience.toNanos();
        while (true) {
            try {
                admin.alterConsumerGroupOffsets(groupId, target).all().get(CALL_TIMEOUT_SECONDS, TimeUnit.SECONDS);
                return;
            } catch (ExecutionException stillInUse) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("The consumer group " + groupId + " still has members; "
                            + "stop every other timeline-service instance before rebuilding", stillInUse);
                }
                Thread.sleep(POLL_MILLIS); // Waiting on the broker, not on a test: nothing to await here.
            }
        }
    }

    /** Waits until the group has committed at least up to the targets: every record before them is stored. */
    void awaitCommitted(Map<TopicPartition, Long> targets, Duration patience) throws Exception {
        long deadline = System.nanoTime() + patience.toNanos();
        while (!committedUpTo(targets)) {
            if (System.nanoTime() > deadline) {
                throw new TimeoutException("The replay did not reach the captured end offsets within " + patience);
            }
            Thread.sleep(POLL_MILLIS);
        }
    }

    private boolean committedUpTo(Map<TopicPartition, Long> targets) throws Exception {
        Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(groupId)
                .partitionsToOffsetAndMetadata().get(CALL_TIMEOUT_SECONDS, TimeUnit.SECONDS);
        return targets.entrySet().stream().allMatch(target -> {
            OffsetAndMetadata at = committed.get(target.getKey());
            return target.getValue() == 0 || at != null && at.offset() >= target.getValue();
        });
    }
}
