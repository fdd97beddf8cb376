package org.incidentplatform.consuming;

import java.util.List;
import java.util.function.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.listener.BatchListenerFailedException;

/**
 * How a batch listener of the incident topic keeps the single-record failure rules. The batch is
 * written in a few bulk operations; if anything in it fails, its records are handled again one at a
 * time, in order (every projection is idempotent per event), and the first failure is reported
 * with its record's index. The shared error handler then counts the records before it as consumed
 * and retries or dead-letters exactly that record, as it does for a single-record listener, so
 * one bad record still costs one record and a MongoDB outage still pauses the partition.
 */
public final class RecordBatches {

    private static final Logger log = LoggerFactory.getLogger(RecordBatches.class);

    private RecordBatches() {
    }

    public static <K, V> void handle(List<ConsumerRecord<K, V>> records, Consumer<List<ConsumerRecord<K, V>>> batch,
            Consumer<ConsumerRecord<K, V>> single) {
        try {
            batch.accept(records);
        } catch (RuntimeException batchFailed) {
            log.debug("A batch of {} records failed ({}); handling them one at a time", records.size(),
                    batchFailed.toString());
            for (int i = 0; i < records.size(); i++) {
                try {
                    single.accept(records.get(i));
                } catch (RuntimeException failure) {
                    throw new BatchListenerFailedException(String.valueOf(failure.getMessage()), failure, i);
                }
            }
        }
    }
}
