package org.incidentplatform.timeline.activity;

import org.incidentplatform.consuming.testing.TestEvent;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/** Sets the envelope's recording time, which TestEvent does not offer. */
final class TestEventTimes {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private TestEventTimes() {
    }

    static TestEvent recordedAt(TestEvent event, String time) {
        ObjectNode envelope = (ObjectNode) JSON.readTree(event.json());
        envelope.put("time", time);
        return new TestEvent(event.id(), event.incidentId(), JSON.writeValueAsString(envelope));
    }
}
