package org.incidentplatform.timeline.entries;

import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.springframework.stereotype.Component;

/**
 * Tells the listeners which records are a rebuild's replay: those below the end offsets the
 * rebuild captured when it began. Their entries are stored but not pushed to live subscribers,
 * who saw them the first time round; records after the boundary are new facts and are pushed.
 */
@Component
public class ReplayBoundary {

    private volatile Map<TopicPartition, Long> endOffsets = Map.of();

    public void replayUntil(Map<TopicPartition, Long> endOffsets) {
        this.endOffsets = Map.copyOf(endOffsets);
    }

    public void clear() {
        this.endOffsets = Map.of();
    }

    boolean covers(ConsumerRecord<?, ?> record) {
        Long end = endOffsets.get(new TopicPartition(record.topic(), record.partition()));
        return end != null && record.offset() < end;
    }
}
