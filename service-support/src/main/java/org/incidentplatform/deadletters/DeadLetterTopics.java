package org.incidentplatform.deadletters;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.springframework.kafka.listener.ListenerExecutionFailedException;
import org.springframework.kafka.support.KafkaHeaders;

/**
 * Reads the newest records of dead-letter topics with a consumer that is assigned partitions
 * directly (no group, no commits) and closed after each read. Each partition is read from at most
 * {@code scanPerPartition} records before its end, within {@code readTimeout}, so a call costs a
 * bounded read however long the topic has grown.
 */
public class DeadLetterTopics {

    /** Characters of the raw value shown; enough to recognise a record, not a way to export it. */
    public static final int VALUE_LIMIT = 2_000;

    private final Supplier<Map<String, Object>> consumerProperties;
    private final int scanPerPartition;
    private final Duration readTimeout;

    public DeadLetterTopics(Supplier<Map<String, Object>> consumerProperties, int scanPerPartition, Duration readTimeout) {
        this.consumerProperties = consumerProperties;
        this.scanPerPartition = scanPerPartition;
        this.readTimeout = readTimeout;
    }

    /** The newest {@code limit} records of the topics that {@code groups} dead-lettered, newest first. */
    public List<DeadLetter> newest(Set<String> topics, Set<String> groups, int limit) {
        List<DeadLetter> found = new ArrayList<>();
        try (var consumer = new KafkaConsumer<byte[], byte[]>(properties())) {
            Set<String> existing = consumer.listTopics(readTimeout).keySet();
            List<TopicPartition> partitions = topics.stream().filter(existing::contains)
                    .flatMap(topic -> consumer.partitionsFor(topic, readTimeout).stream())
                    .map(info -> new TopicPartition(info.topic(), info.partition()))
                    .toList();
            if (partitions.isEmpty()) {
                return List.of();
            }
            consumer.assign(partitions);
            Map<TopicPartition, Long> ends = consumer.endOffsets(partitions, readTimeout);
            Map<TopicPartition, Long> starts = consumer.beginningOffsets(partitions, readTimeout);
            for (TopicPartition partition : partitions) {
                consumer.seek(partition, Math.max(starts.get(partition), ends.get(partition) - scanPerPartition));
            }
            long deadline = System.nanoTime() + readTimeout.toNanos();
            while (partitions.stream().anyMatch(p -> consumer.position(p) < ends.get(p)) && System.nanoTime() < deadline) {
                for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(200))) {
                    String group = text(record.headers(), KafkaHeaders.DLT_ORIGINAL_CONSUMER_GROUP);
                    if (group != null && groups.contains(group)) {
                        found.add(deadLetterOf(record, group));
                    }
                }
            }
        }
        // Dead-lettering is at-least-once: a rebalance between the DLT send and the offset commit parks
        // the same record twice. One entry per original record and group, the newest copy.
        Map<String, DeadLetter> unique = new HashMap<>();
        for (DeadLetter deadLetter : found) {
            unique.merge(deadLetter.originalTopic() + "/" + deadLetter.originalPartition() + "/"
                    + deadLetter.originalOffset() + "/" + deadLetter.consumerGroup(), deadLetter,
                    (a, b) -> a.deadLetteredAt().isAfter(b.deadLetteredAt()) ? a : b);
        }
        return unique.values().stream().sorted(Comparator.comparing(DeadLetter::deadLetteredAt).reversed())
                .limit(limit).toList();
    }

    private Map<String, Object> properties() {
        Map<String, Object> properties = new HashMap<>(consumerProperties.get());
        properties.remove(ConsumerConfig.GROUP_ID_CONFIG);
        properties.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        properties.put(ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG, false);
        properties.put(ConsumerConfig.CLIENT_ID_CONFIG, "dead-letters-reader");
        properties.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
        properties.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
        return properties;
    }

    private static DeadLetter deadLetterOf(ConsumerRecord<byte[], byte[]> record, String group) {
        String value = record.value() == null ? null : new String(record.value(), StandardCharsets.UTF_8);
        boolean truncated = value != null && value.length() > VALUE_LIMIT;
        Long originalTimestamp = number(record.headers(), KafkaHeaders.DLT_ORIGINAL_TIMESTAMP);
        return new DeadLetter(
                record.topic() + "/" + record.partition() + "/" + record.offset(),
                text(record.headers(), KafkaHeaders.DLT_ORIGINAL_TOPIC),
                number(record.headers(), KafkaHeaders.DLT_ORIGINAL_PARTITION) instanceof Long p ? Math.toIntExact(p) : null,
                number(record.headers(), KafkaHeaders.DLT_ORIGINAL_OFFSET),
                group,
                record.key() == null ? null : new String(record.key(), StandardCharsets.UTF_8),
                exceptionClass(record.headers()),
                text(record.headers(), KafkaHeaders.DLT_EXCEPTION_MESSAGE),
                Instant.ofEpochMilli(record.timestamp()),
                originalTimestamp == null ? null : Instant.ofEpochMilli(originalTimestamp),
                truncated ? value.substring(0, VALUE_LIMIT) : value,
                record.value() == null ? 0 : record.value().length,
                truncated);
    }

    /** The listener's own exception, not the container's wrapper around it. */
    private static String exceptionClass(Headers headers) {
        String exception = text(headers, KafkaHeaders.DLT_EXCEPTION_FQCN);
        String cause = text(headers, KafkaHeaders.DLT_EXCEPTION_CAUSE_FQCN);
        return ListenerExecutionFailedException.class.getName().equals(exception) && cause != null ? cause : exception;
    }

    private static String text(Headers headers, String name) {
        Header header = headers.lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    /** Spring Kafka writes partition as a 4-byte and offset and timestamp as 8-byte big-endian numbers. */
    private static Long number(Headers headers, String name) {
        Header header = headers.lastHeader(name);
        if (header == null) {
            return null;
        }
        return switch (header.value().length) {
            case Integer.BYTES -> (long) ByteBuffer.wrap(header.value()).getInt();
            case Long.BYTES -> ByteBuffer.wrap(header.value()).getLong();
            default -> null;
        };
    }
}
