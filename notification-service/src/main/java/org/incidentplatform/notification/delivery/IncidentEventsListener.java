package org.incidentplatform.notification.delivery;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.incidentplatform.consuming.IncidentEventReader;
import org.incidentplatform.consuming.ReceivedEvent;
import org.incidentplatform.consuming.RecordBatches;
import org.apache.kafka.common.header.Header;
import org.incidentplatform.events.Topics;
import org.incidentplatform.tracing.Traceparent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Feeds the incident topic into the planner. The offset is committed only after this method
 * returns, so every delivery of an event has been recorded before the event counts as consumed;
 * the method does not send, so it returns in milliseconds whatever the receivers do. Failures
 * (MongoDB away) are retried and unreadable records dead-lettered by the shared error handler.
 */
@Component
class IncidentEventsListener {

    static final String LISTENER_ID = "incident-events";
    private static final Logger log = LoggerFactory.getLogger(IncidentEventsListener.class);

    private final IncidentEventReader reader;
    private final DeliveryPlanner planner;

    IncidentEventsListener(IncidentEventReader reader, DeliveryPlanner planner) {
        this.reader = reader;
        this.planner = planner;
    }

    /**
     * A poll's records in one go ({@link DeliveryPlanner#planAll}): a storm of alerts costs a few
     * writes per batch instead of three per event. A failing batch is planned again record by
     * record ({@link RecordBatches}), so a failure still stops at, and only at, its record.
     */
    @KafkaListener(id = LISTENER_ID, topics = Topics.INCIDENT_EVENTS, groupId = "notification-service", batch = "true")
    void on(List<ConsumerRecord<String, String>> records) {
        RecordBatches.handle(records, this::planAll, this::onOne);
    }

    private void planAll(List<ConsumerRecord<String, String>> records) {
        List<ReceivedEvent> events = new ArrayList<>(records.size());
        List<String> values = new ArrayList<>(records.size());
        List<String> traces = new ArrayList<>(records.size());
        for (ConsumerRecord<String, String> record : records) {
            events.add(reader.read(record.value()));
            values.add(record.value());
            traces.add(traceOf(record));
        }
        planner.planAll(events, values, traces);
    }

    /**
     * The record's own trace context: a batch has no span per record, so each delivery continues
     * the trace of the request that caused its event directly.
     */
    private static String traceOf(ConsumerRecord<String, String> record) {
        Header header = record.headers().lastHeader(Traceparent.HEADER);
        String traceparent = header == null ? null : new String(header.value(), StandardCharsets.US_ASCII);
        return Traceparent.isValid(traceparent) ? traceparent : Traceparent.current();
    }

    private void onOne(ConsumerRecord<String, String> record) {
        ReceivedEvent event = reader.read(record.value());
        // An unknown type has an empty payload; the reader has already counted it.
        if (event.payload().isPresent()) {
            try {
                planner.plan(event, record.value());
            } catch (RuntimeException failure) {
                // The shared error handler retries with back-off; say why, or a stalled partition is a mystery.
                log.warn("Recording deliveries of event {} failed, will retry: {}", event.eventId(), failure.toString());
                throw failure;
            }
        }
    }
}
