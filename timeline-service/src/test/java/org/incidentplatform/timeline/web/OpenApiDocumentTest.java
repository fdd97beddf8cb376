package org.incidentplatform.timeline.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.incidentplatform.timeline.TimelineServiceTest;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Every documented operation says what it does, shows an example of success and its problems. */
class OpenApiDocumentTest extends TimelineServiceTest {

    private static final List<String> ENDPOINTS = List.of(
            "GET /api/v1/incidents/{incidentId}/timeline",
            "GET /api/v1/incidents/{incidentId}/timeline/stream",
            "GET /api/v1/activity",
            "GET /api/v1/activity/stream",
            "POST /api/v1/admin/projection/rebuild",
            "GET /api/v1/admin/projection/rebuild",
            "GET /api/v1/admin/dead-letters");

    @Test
    void everyEndpointIsDocumentedWithExamplesAndProblemResponses() {
        JsonNode document = http.get().uri("/v3/api-docs").retrieve().body(JsonNode.class);
        List<String> operations = new ArrayList<>();
        List<String> gaps = new ArrayList<>();
        for (Map.Entry<String, JsonNode> path : document.path("paths").properties()) {
            for (Map.Entry<String, JsonNode> operation : path.getValue().properties()) {
                String name = operation.getKey().toUpperCase() + " " + path.getKey();
                operations.add(name);
                gaps.addAll(gapsOf(name, operation.getValue()));
            }
        }

        assertThat(operations).containsExactlyInAnyOrderElementsOf(ENDPOINTS);
        assertThat(gaps).isEmpty();
    }

    @Test
    void theTimelineDocumentsAllThreeFormats() {
        JsonNode content = http.get().uri("/v3/api-docs").retrieve().body(JsonNode.class)
                .path("paths").path("/api/v1/incidents/{incidentId}/timeline").path("get")
                .path("responses").path("200").path("content");

        assertThat(content.propertyNames()).contains("application/json", "text/markdown", "text/csv");
    }

    private static List<String> gapsOf(String name, JsonNode operation) {
        List<String> gaps = new ArrayList<>();
        if (operation.path("summary").asString("").isBlank()) {
            gaps.add(name + " has no summary");
        }
        boolean clientProblem = false;
        for (Map.Entry<String, JsonNode> response : operation.path("responses").properties()) {
            String status = response.getKey();
            for (Map.Entry<String, JsonNode> media : response.getValue().path("content").properties()) {
                boolean example = media.getValue().has("example") || media.getValue().has("examples");
                if (!example) {
                    gaps.add(name + " " + status + " " + media.getKey() + " has no example");
                }
                if (status.startsWith("4") && !status.equals("401") && !status.equals("403") && !status.equals("429")) {
                    clientProblem |= media.getKey().equals("application/problem+json");
                }
            }
        }
        for (String shared : List.of("401", "403", "429", "503")) {
            if (!operation.path("responses").has(shared)) {
                gaps.add(name + " does not document " + shared);
            }
        }
        if (!clientProblem && !name.equals("GET /api/v1/admin/projection/rebuild")) {
            gaps.add(name + " documents no problem of its own (400/404/406/409)");
        }
        return gaps;
    }
}
