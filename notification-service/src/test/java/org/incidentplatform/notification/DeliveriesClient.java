package org.incidentplatform.notification;

import java.util.ArrayList;
import java.util.List;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ResponseEntity;
import org.springframework.web.client.RestClient;
import tools.jackson.databind.JsonNode;

/** Reads the delivery log over HTTP the way an operator would, without turning error statuses into exceptions. */
public final class DeliveriesClient {

    private DeliveriesClient() {
    }

    /** The newest deliveries of one incident (one page), oldest first. */
    public static JsonNode deliveriesOf(RestClient http, String incidentId) {
        return http.get().uri("/api/v1/deliveries?incidentId={id}", incidentId)
                .retrieve()
                .body(JsonNode.class)
                .path("deliveries");
    }

    public static List<JsonNode> deliveriesOf(RestClient http, String incidentId, String channel) {
        List<JsonNode> matching = new ArrayList<>();
        deliveriesOf(http, incidentId).forEach(d -> {
            if (d.path("channel").asString().equals(channel)) {
                matching.add(d);
            }
        });
        return matching;
    }

    /** True when the incident has deliveries and every one of them is DELIVERED. */
    public static boolean allDelivered(RestClient http, String incidentId, int atLeast) {
        JsonNode deliveries = deliveriesOf(http, incidentId);
        if (deliveries.size() < atLeast) {
            return false;
        }
        for (JsonNode d : deliveries) {
            if (!d.path("status").asString().equals("DELIVERED")) {
                return false;
            }
        }
        return true;
    }

    /** Every delivery matching the query, following the cursor through all pages. */
    public static List<JsonNode> all(RestClient http, String query) {
        List<JsonNode> all = new ArrayList<>();
        String cursor = null;
        do {
            JsonNode page = cursor == null ? get(http, "/api/v1/deliveries?" + query).getBody()
                    : get(http, "/api/v1/deliveries?" + query + "&cursor={c}", cursor).getBody();
            page.path("deliveries").forEach(all::add);
            cursor = page.path("nextCursor").asString(null);
        } while (cursor != null);
        return all;
    }

    public static ResponseEntity<JsonNode> get(RestClient http, String uri, Object... variables) {
        return http.get().uri(uri, variables)
                .retrieve()
                .onStatus(HttpStatusCode::isError, (request, response) -> { })
                .toEntity(JsonNode.class);
    }

    public static ResponseEntity<JsonNode> delivery(RestClient http, String deliveryId) {
        return get(http, "/api/v1/deliveries/{id}", deliveryId);
    }

    public static ResponseEntity<JsonNode> replay(RestClient http, String deliveryId) {
        return http.post().uri("/api/v1/admin/deliveries/{id}/replay", deliveryId)
                .retrieve()
                .onStatus(HttpStatusCode::isError, (request, response) -> { })
                .toEntity(JsonNode.class);
    }
}
