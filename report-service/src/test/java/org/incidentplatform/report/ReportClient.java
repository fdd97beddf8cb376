package org.incidentplatform.report;

import java.util.Optional;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ResponseEntity;
import org.springframework.web.client.RestClient;
import tools.jackson.databind.JsonNode;

/** Reads reports over HTTP the way a UI would, without turning error statuses into exceptions. */
public final class ReportClient {

    private ReportClient() {
    }

    public static ResponseEntity<JsonNode> postmortem(RestClient http, String incidentId) {
        return http.get().uri("/api/v1/incidents/{id}/postmortem", incidentId)
                .retrieve()
                .onStatus(HttpStatusCode::isError, (request, response) -> { })
                .toEntity(JsonNode.class);
    }

    /** The incident's post-mortem, or empty while the incident is unknown. */
    public static Optional<JsonNode> existingPostmortem(RestClient http, String incidentId) {
        ResponseEntity<JsonNode> response = postmortem(http, incidentId);
        return response.getStatusCode().is2xxSuccessful() ? Optional.of(response.getBody()) : Optional.empty();
    }

    /** Any GET as text, with an optional Accept header, errors included. */
    public static ResponseEntity<String> get(RestClient http, String uri, String accept) {
        RestClient.RequestHeadersSpec<?> request = http.get().uri(uri);
        if (accept != null) {
            request = request.header("Accept", accept);
        }
        return request.retrieve().onStatus(HttpStatusCode::isError, (req, response) -> { }).toEntity(String.class);
    }
}
