package org.incidentplatform.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.RecordComponent;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class EventSamplesTest {

    private final JsonMapper json = JsonMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    @Test
    void everyPublishedTypeHasASampleThatReadsIntoItsRecord() {
        for (String type : EventTypes.all()) {
            JsonNode envelope = json.readTree(EventSamples.json(type));
            assertThat(envelope.get("type").asString()).isEqualTo(type);
            assertThat(envelope.get("specversion").asString()).isEqualTo(IncidentCloudEvent.SPEC_VERSION);

            IncidentEvent payload = json.treeToValue(envelope.get("data"), EventTypes.payloadType(type).orElseThrow());

            assertThat(payload.incidentId()).as(type).isEqualTo(envelope.get("subject").asString());
            assertThat(payload.occurredAt()).as(type).isNotNull();
        }
    }

    @Test
    void everySampleShowsEveryFieldOfItsRecord() {
        for (String type : EventTypes.all()) {
            JsonNode data = json.readTree(EventSamples.json(type)).get("data");
            RecordComponent[] components = EventTypes.payloadType(type).orElseThrow().getRecordComponents();
            assertThat(Arrays.stream(components).map(RecordComponent::getName))
                    .as("fields of %s", type)
                    .allMatch(data::has);
        }
    }

    @Test
    void everyDeliveryEventTypeHasACompleteSample() {
        for (String type : DeliveryEventTypes.all()) {
            JsonNode envelope = json.readTree(EventSamples.json(type));
            assertThat(envelope.get("source").asString()).isEqualTo(DeliveryEventTypes.SOURCE);
            DeliveryEvent payload = json.treeToValue(envelope.get("data"), DeliveryEventTypes.payloadType(type).orElseThrow());
            assertThat(payload.incidentId()).isEqualTo(envelope.get("subject").asString());
            RecordComponent[] components = DeliveryEventTypes.payloadType(type).orElseThrow().getRecordComponents();
            assertThat(Arrays.stream(components).map(RecordComponent::getName)).allMatch(envelope.get("data")::has);
            assertThat(DeliveryEventTypes.typeNameOf(payload.getClass())).isEqualTo(type);
        }
    }

    @Test
    void typeNamesAndRecordsMapBothWays() {
        for (String type : EventTypes.all()) {
            assertThat(EventTypes.typeNameOf(EventTypes.payloadType(type).orElseThrow())).isEqualTo(type);
        }
        assertThat(EventTypes.payloadType("org.incidentplatform.incident.not-yet-invented.v1")).isEmpty();
    }

    @Test
    void everyEventRecordIsRegisteredUnderATypeName() {
        for (Class<?> eventType : IncidentEvent.class.getPermittedSubclasses()) {
            assertThat(EventTypes.typeNameOf(eventType)).startsWith("org.incidentplatform.incident.");
        }
    }
}
