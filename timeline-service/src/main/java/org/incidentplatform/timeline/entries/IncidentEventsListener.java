package org.incidentplatform.timeline.entries;

import java.util.List;
import java.util.Optional;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.incidentplatform.consuming.IncidentEventReader;
import org.incidentplatform.consuming.ReceivedEvent;
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

    /** A poll's records in one go ({@link TimelinePolls}). */
    @KafkaListener(id = TimelineListeners.INCIDENT_EVENTS, topics = Topics.INCIDENT_EVENTS,
            groupId = TimelineListeners.GROUP_ID, batch = "true")
    void on(List<ConsumerRecord<String, String>> records) {
        TimelinePolls.record(records, this::entryOf, projection, replay);
    }

    /** An unknown type has an empty payload; the reader has already counted it. */
    private Optional<TimelineEntry> entryOf(ConsumerRecord<String, String> record) {
        ReceivedEvent event = reader.read(record.value());
        return event.payload().isPresent() ? Optional.of(TimelineEntries.from(event)) : Optional.empty();
    }
}
