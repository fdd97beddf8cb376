package org.incidentplatform.notification;

import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import org.incidentplatform.consuming.testing.TestEvent;
import org.incidentplatform.events.EventSamples;
import org.incidentplatform.events.EventTypes;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Events of one test incident, built from the contract's samples with a fresh incident id and
 * fresh event ids, so that tests sharing one broker and one database never meet.
 */
public final class Incidents {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final String incidentId = "inc-" + UUID.randomUUID();
    private final String severity;
    private final List<String> services;

    private Incidents(String severity, List<String> services) {
        this.severity = severity;
        this.services = services;
    }

    public static Incidents of(String severity, String... services) {
        return new Incidents(severity, List.of(services));
    }

    public String id() {
        return incidentId;
    }

    /** The opening event, with this incident's severity and services. */
    public TestEvent opened(String title) {
        ObjectNode envelope = sample(EventTypes.INCIDENT_OPENED, 0);
        ObjectNode data = (ObjectNode) envelope.get("data");
        data.put("title", title).put("severity", severity);
        var array = data.putArray("services");
        services.forEach(array::add);
        return event(envelope);
    }

    /** A public status update at the given sequence. */
    public TestEvent statusUpdate(long sequence, String status, String message) {
        ObjectNode envelope = sample(EventTypes.STATUS_UPDATED, sequence);
        ((ObjectNode) envelope.get("data")).put("status", status).put("message", message);
        return event(envelope);
    }

    /** Every contract sample in incident order (opened first, closed last), re-addressed to this incident. */
    public List<TestEvent> wholeLifecycle(String title) {
        return EventTypes.all().stream()
                .map(type -> sample(type, -1))
                .sorted(Comparator.comparingLong(e -> e.path("incidentsequence").asLong()))
                .map(envelope -> envelope.path("type").asString().equals(EventTypes.INCIDENT_OPENED)
                        ? opened(title) : event(envelope))
                .toList();
    }

    private ObjectNode sample(String type, long sequence) {
        ObjectNode envelope = (ObjectNode) JSON.readTree(EventSamples.json(type));
        envelope.put("subject", incidentId).put("id", UUID.randomUUID().toString());
        if (sequence >= 0) {
            envelope.put("incidentsequence", sequence);
        }
        ((ObjectNode) envelope.get("data")).put("incidentId", incidentId);
        return envelope;
    }

    private TestEvent event(ObjectNode envelope) {
        return new TestEvent(envelope.path("id").asString(), incidentId, JSON.writeValueAsString(envelope));
    }
}
