package org.incidentplatform.timeline;

import org.springframework.http.HttpStatusCode;
import org.springframework.http.ResponseEntity;
import org.springframework.web.client.RestClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;

/** Reads timelines over HTTP the way a UI would, without turning error statuses into exceptions. */
public final class TimelineClient {

    private TimelineClient() {
    }

    public static ResponseEntity<JsonNode> timeline(RestClient http, String incidentId) {
        return http.get().uri("/api/v1/incidents/{id}/timeline", incidentId)
                .retrieve()
                .onStatus(HttpStatusCode::isError, (request, response) -> { })
                .toEntity(JsonNode.class);
    }

    /** The entries of an incident's timeline; empty while the incident is unknown. */
    public static JsonNode entries(RestClient http, String incidentId) {
        ResponseEntity<JsonNode> response = timeline(http, incidentId);
        return response.getStatusCode().is2xxSuccessful()
                ? response.getBody().path("entries")
                : JsonNodeFactory.instance.arrayNode();
    }
}
