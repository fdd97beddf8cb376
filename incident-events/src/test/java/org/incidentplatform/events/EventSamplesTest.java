package org.incidentplatform.events;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class EventSamplesTest {

    private final JsonMapper json = JsonMapper.builder().build();

    @Test
    void everyPublishedTypeHasASampleThatReadsIntoItsRecord() {
        for (String type : EventTypes.all()) {
            JsonNode envelope = json.readTree(EventSamples.json(type));
            assertThat(envelope.get("type").asString()).isEqualTo(type);
            assertThat(envelope.get("specversion").asString()).isEqualTo(IncidentCloudEvent.SPEC_VERSION);
            Object payload = json.treeToValue(envelope.get("data"), EventTypes.payloadType(type).orElseThrow());
            assertThat(payload).hasNoNullFieldsOrPropertiesExcept("summary");
        }
    }

    @Test
    void typeNamesAndRecordsMapBothWays() {
        for (String type : EventTypes.all()) {
            assertThat(EventTypes.typeNameOf(EventTypes.payloadType(type).orElseThrow())).isEqualTo(type);
        }
        assertThat(EventTypes.payloadType("org.incidentplatform.incident.not-yet-invented.v1")).isEmpty();
    }
}
