package org.incidentplatform.consuming.testing;

import java.util.UUID;
import java.util.function.Consumer;
import org.incidentplatform.events.EventSamples;
import org.incidentplatform.events.EventTypes;
import org.incidentplatform.events.Topics;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * A CloudEvent as incident-service publishes it, built from the contract's sample with fresh
 * ids so that tests sharing one broker and one database never see each other's incidents.
 *
 * @param json the record value to publish on {@link Topics#INCIDENT_EVENTS}
 */
public record TestEvent(String id, String incidentId, String json) {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** A fresh incident being opened. */
    public static TestEvent opened() {
        return fromSample(EventTypes.INCIDENT_OPENED);
    }

    /** The sample of a contract type, re-addressed to a fresh event id and incident id. */
    public static TestEvent fromSample(String typeName) {
        ObjectNode envelope = (ObjectNode) JSON.readTree(EventSamples.json(typeName));
        String incidentId = "inc-" + UUID.randomUUID();
        envelope.put("subject", incidentId);
        ((ObjectNode) envelope.get("data")).put("incidentId", incidentId);
        return new TestEvent(null, incidentId, JSON.writeValueAsString(envelope)).withFreshId();
    }

    /** The same fact under a new event id, as a producer retrying a store would publish it. */
    public TestEvent withFreshId() {
        return with(envelope -> envelope.put("id", UUID.randomUUID().toString()));
    }

    /** This event as a type the contract has not defined yet. */
    public TestEvent withType(String typeName) {
        return with(envelope -> envelope.put("type", typeName));
    }

    public TestEvent withSequence(long incidentSequence) {
        return with(envelope -> envelope.put("incidentsequence", incidentSequence));
    }

    public TestEvent withData(String field, String value) {
        return with(envelope -> ((ObjectNode) envelope.get("data")).put(field, value));
    }

    /** A data field set to a JSON value (an array or object), given as JSON text. */
    public TestEvent withRawData(String field, String json) {
        return with(envelope -> ((ObjectNode) envelope.get("data")).set(field, JSON.readTree(json)));
    }

    /** The same event about another incident (key, subject and payload), e.g. to build one incident from samples. */
    public TestEvent forIncident(String otherIncidentId) {
        ObjectNode envelope = (ObjectNode) JSON.readTree(json);
        envelope.put("subject", otherIncidentId);
        ((ObjectNode) envelope.get("data")).put("incidentId", otherIncidentId);
        return new TestEvent(envelope.path("id").asString(), otherIncidentId, JSON.writeValueAsString(envelope));
    }

    public String field(String name) {
        return JSON.readTree(json).path(name).asString();
    }

    public String dataField(String name) {
        return JSON.readTree(json).path("data").path(name).asString();
    }

    private TestEvent with(Consumer<ObjectNode> change) {
        ObjectNode envelope = (ObjectNode) JSON.readTree(json);
        change.accept(envelope);
        return new TestEvent(envelope.path("id").asString(), incidentId, JSON.writeValueAsString(envelope));
    }
}
