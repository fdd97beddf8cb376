package org.incidentplatform.timeline;

import java.util.UUID;
import org.incidentplatform.consuming.testing.TestEvent;
import org.incidentplatform.events.EventSamples;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/** Several events of one incident, built from the contract's samples. */
public final class IncidentSamples {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final String incidentId = "inc-" + UUID.randomUUID();

    public String incidentId() {
        return incidentId;
    }

    /** The sample of a type, as this incident's event at the given sequence, under a fresh id. */
    public TestEvent event(String typeName, long sequence) {
        ObjectNode envelope = (ObjectNode) JSON.readTree(EventSamples.json(typeName));
        String id = UUID.randomUUID().toString();
        envelope.put("id", id);
        envelope.put("subject", incidentId);
        envelope.put("incidentsequence", sequence);
        ((ObjectNode) envelope.get("data")).put("incidentId", incidentId);
        return new TestEvent(id, incidentId, JSON.writeValueAsString(envelope));
    }

    /** The sample of a delivery type about this incident's event at the given sequence. */
    public String delivery(String typeName, long sequence) {
        return DeliveryTopic.sample(typeName, incidentId, sequence);
    }
}
