package org.incidentplatform.timeline.entries;

import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.incidentplatform.consuming.IncidentEventReader;
import org.incidentplatform.consuming.ReceivedEvent;
import org.incidentplatform.consuming.RecordBatches;
import org.incidentplatform.events.Topics;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Feeds the incident topic into the timeline. The offset is committed only after this method
 * returns, so an entry is written before its event counts as consumed; failures are retried
 * and unreadable records dead-lettered by the shared error handler.
 */
@Component
class IncidentEventsListener {

    private final IncidentEventReader reader;
    private final TimelineProjection projection;
    private final ReplayBoundary replay;

    IncidentEventsListener(IncidentEventReader reader, TimelineProjection projection, ReplayBoundary replay) {
        this.reader = reader;
        this.projection = projection;
        this.replay = replay;
    }

    /**
     * A poll's records in one go ({@link TimelineProjection#recordAll}): two commands per batch
     * instead of one per event. A failing batch is recorded again record by record
     * ({@link RecordBatches}), so a failure still stops at, and only at, its record.
     */
    @KafkaListener(id = TimelineListeners.INCIDENT_EVENTS, topics = Topics.INCIDENT_EVENTS,
            groupId = TimelineListeners.GROUP_ID, batch = "true")
    void on(List<ConsumerRecord<String, String>> records) {
        RecordBatches.handle(records, this::recordAll, this::recordOne);
    }

    private void recordAll(List<ConsumerRecord<String, String>> records) {
        List<TimelineEntry> entries = new ArrayList<>(records.size());
        List<Boolean> live = new ArrayList<>(records.size());
        for (ConsumerRecord<String, String> record : records) {
            ReceivedEvent event = reader.read(record.value());
            if (event.payload().isPresent()) {
                entries.add(TimelineEntries.from(event));
                live.add(!replay.covers(record));
            }
        }
        projection.recordAll(entries, live);
    }

    private void recordOne(ConsumerRecord<String, String> record) {
        ReceivedEvent event = reader.read(record.value());
        // An unknown type has an empty payload; the reader has already counted it.
        if (event.payload().isPresent()) {
            projection.record(TimelineEntries.from(event), !replay.covers(record));
        }
    }
}
