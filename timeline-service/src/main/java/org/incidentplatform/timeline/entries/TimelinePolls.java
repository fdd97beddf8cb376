package org.incidentplatform.timeline.entries;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.incidentplatform.consuming.RecordBatches;

/**
 * Records a poll's records on the timeline in one go ({@link TimelineProjection#recordAll}: two
 * commands per poll instead of one per record). A failing poll is recorded again record by record
 * ({@link RecordBatches}), so a failure still stops at, and only at, its record. Both topics'
 * listeners use it; each says how a record becomes an entry.
 */
final class TimelinePolls {

    private TimelinePolls() {
    }

    /**
     * @param entryOf the record's entry; empty when there is nothing to record (a type this
     *                service does not know, already counted by its reader)
     */
    static void record(List<ConsumerRecord<String, String>> records,
            Function<ConsumerRecord<String, String>, Optional<TimelineEntry>> entryOf, TimelineProjection projection,
            ReplayBoundary replay) {
        RecordBatches.handle(records, poll -> {
            List<TimelineEntry> entries = new ArrayList<>(poll.size());
            List<Boolean> live = new ArrayList<>(poll.size());
            for (ConsumerRecord<String, String> record : poll) {
                entryOf.apply(record).ifPresent(entry -> {
                    entries.add(entry);
                    live.add(!replay.covers(record));
                });
            }
            projection.recordAll(entries, live);
        }, record -> entryOf.apply(record).ifPresent(entry -> projection.record(entry, !replay.covers(record))));
    }
}
