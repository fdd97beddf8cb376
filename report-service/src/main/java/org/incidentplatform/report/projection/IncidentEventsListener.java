package org.incidentplatform.report.projection;

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
 * Feeds the incident topic into the reports. The offset is committed only after this method
 * returns, so a report is written before its event counts as consumed; failures are retried
 * and unreadable records dead-lettered by the shared error handler.
 */
@Component
class IncidentEventsListener {

    /** The listener container's id, by which a rebuild stops and restarts it. */
    static final String CONTAINER_ID = "report-projection";
    static final String GROUP_ID = "report-service";

    private final IncidentEventReader reader;
    private final ReportProjection projection;

    IncidentEventsListener(IncidentEventReader reader, ReportProjection projection) {
        this.reader = reader;
        this.projection = projection;
    }

    /**
     * A poll's records in one go ({@link ReportProjection#onAll}): a few commands per batch instead
     * of two or three per event. A failing batch is applied again record by record
     * ({@link RecordBatches}), so a failure still stops at, and only at, its record.
     */
    @KafkaListener(id = CONTAINER_ID, topics = Topics.INCIDENT_EVENTS, groupId = GROUP_ID, batch = "true")
    void on(List<ConsumerRecord<String, String>> records) {
        RecordBatches.handle(records, this::applyAll, this::applyOne);
    }

    private void applyAll(List<ConsumerRecord<String, String>> records) {
        List<ReceivedEvent> known = new ArrayList<>(records.size());
        for (ConsumerRecord<String, String> record : records) {
            ReceivedEvent event = reader.read(record.value());
            if (event.payload().isPresent()) {
                known.add(event);
            }
        }
        projection.onAll(known);
    }

    private void applyOne(ConsumerRecord<String, String> record) {
        ReceivedEvent event = reader.read(record.value());
        // An unknown type has an empty payload; the reader has already counted it.
        if (event.payload().isPresent()) {
            projection.on(event);
        }
    }
}
