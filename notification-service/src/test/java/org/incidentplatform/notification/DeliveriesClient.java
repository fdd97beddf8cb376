package org.incidentplatform.notification;

import org.springframework.http.HttpStatusCode;
import org.springframework.http.ResponseEntity;
import org.springframework.web.client.RestClient;
import tools.jackson.databind.JsonNode;

/** Reads the delivery log over HTTP the way an operator would, without turning error statuses into exceptions. */
public final class DeliveriesClient {

    private DeliveriesClient() {
    }

    /** The deliveries of one incident, oldest first. */
    public static JsonNode deliveriesOf(RestClient http, String incidentId) {
        return http.get().uri("/api/v1/deliveries?incidentId={id}", incidentId)
                .retrieve()
                .body(JsonNode.class)
                .path("deliveries");
    }

    public static ResponseEntity<JsonNode> delivery(RestClient http, String deliveryId) {
        return http.get().uri("/api/v1/deliveries/{id}", deliveryId)
                .retrieve()
                .onStatus(HttpStatusCode::isError, (request, response) -> { })
                .toEntity(JsonNode.class);
    }
}
