package org.incidentplatform.report;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.incidentplatform.consuming.testing.IncidentTopic;
import org.incidentplatform.events.EventTypes;
import org.incidentplatform.events.IncidentCloudEvent;
import org.incidentplatform.events.IncidentEvent;
import tools.jackson.databind.json.JsonMapper;

/**
 * One incident's history as incident-service would publish it: CloudEvents with a fresh incident
 * id and consecutive sequence numbers, built from the contract's own records. Unless told
 * otherwise, each event is recorded at the moment it says it happened.
 */
public final class IncidentStory {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final String incidentId = "inc-" + UUID.randomUUID();
    private final List<String> published = new ArrayList<>();
    private long nextSequence;

    public String incidentId() {
        return incidentId;
    }

    /** The next event's CloudEvent JSON; the payload's incident id is replaced by this story's. */
    public String next(IncidentEvent payload) {
        return next(payload, payload.occurredAt());
    }

    public String next(IncidentEvent payload, Instant recordedAt) {
        return next(payload, recordedAt, "apikey:test");
    }

    /** The next event, caused by {@code actor} (a paged person acknowledging, an escalation). */
    public String next(IncidentEvent payload, Instant recordedAt, String actor) {
        String json = cloudEvent(payload, nextSequence++, recordedAt, actor);
        published.add(json);
        return json;
    }

    /** Every event of the story so far, in order. */
    public List<String> events() {
        return List.copyOf(published);
    }

    /** Publishes the given events of this story, in order, and returns where the last one landed. */
    public RecordMetadata publish(IncidentTopic topic, String... events) {
        RecordMetadata last = null;
        for (String event : events) {
            last = topic.publish(incidentId, event);
        }
        return last;
    }

    private String cloudEvent(IncidentEvent payload, long sequence, Instant recordedAt, String actor) {
        var data = JSON.valueToTree(payload);
        ((tools.jackson.databind.node.ObjectNode) data).put("incidentId", incidentId);
        var envelope = new IncidentCloudEvent<>(IncidentCloudEvent.SPEC_VERSION, UUID.randomUUID().toString(),
                IncidentCloudEvent.SOURCE, EventTypes.typeNameOf(payload.getClass()), incidentId, recordedAt,
                IncidentCloudEvent.CONTENT_TYPE, sequence, actor, UUID.randomUUID().toString(), null, data);
        return JSON.writeValueAsString(envelope);
    }
}
