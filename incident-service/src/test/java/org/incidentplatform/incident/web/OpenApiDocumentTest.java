package org.incidentplatform.incident.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.incidentplatform.incident.ApiClient;
import org.incidentplatform.incident.IncidentServiceTest;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

@IncidentServiceTest
class OpenApiDocumentTest {

    private static final Map<String, List<String>> ENDPOINTS = Map.ofEntries(
            Map.entry("/api/v1/incidents", List.of("get", "post")),
            Map.entry("/api/v1/incidents/{incidentId}", List.of("get")),
            Map.entry("/api/v1/incidents/{incidentId}/events", List.of("get")),
            Map.entry("/api/v1/incidents/{incidentId}/acknowledge", List.of("post")),
            Map.entry("/api/v1/incidents/{incidentId}/status", List.of("post")),
            Map.entry("/api/v1/incidents/{incidentId}/severity", List.of("post")),
            Map.entry("/api/v1/incidents/{incidentId}/commander", List.of("put")),
            Map.entry("/api/v1/incidents/{incidentId}/responders", List.of("post")),
            Map.entry("/api/v1/incidents/{incidentId}/responders/{responder}", List.of("delete")),
            Map.entry("/api/v1/incidents/{incidentId}/notes", List.of("post")),
            Map.entry("/api/v1/incidents/{incidentId}/impact", List.of("put")),
            Map.entry("/api/v1/incidents/{incidentId}/mitigate", List.of("post")),
            Map.entry("/api/v1/incidents/{incidentId}/resolve", List.of("post")),
            Map.entry("/api/v1/incidents/{incidentId}/reopen", List.of("post")),
            Map.entry("/api/v1/incidents/{incidentId}/postmortem", List.of("put")),
            Map.entry("/api/v1/incidents/{incidentId}/action-items", List.of("post")),
            Map.entry("/api/v1/incidents/{incidentId}/action-items/{itemId}", List.of("patch")),
            Map.entry("/api/v1/incidents/{incidentId}/close", List.of("post")));

    @LocalServerPort
    int port;

    @Test
    void everyEndpointIsDocumentedWithExamplesAndItsErrors() {
        ApiClient api = new ApiClient(port);
        JsonNode doc = api.get("/v3/api-docs").body();
        List<String> problems = new ArrayList<>();

        ENDPOINTS.forEach((path, methods) -> methods.forEach(method -> {
            JsonNode operation = doc.path("paths").path(path).path(method);
            if (operation.isMissingNode()) {
                problems.add(method + " " + path + " is not documented");
                return;
            }
            JsonNode requestBody = operation.path("requestBody").path("content").path("application/json");
            if (!requestBody.isMissingNode() && !hasExample(doc, requestBody.path("schema"), requestBody)) {
                problems.add(method + " " + path + " has no request example");
            }
            boolean documentedError = false;
            for (var response : operation.path("responses").properties()) {
                JsonNode content = response.getValue().path("content");
                if (response.getKey().startsWith("4") && !content.path("application/problem+json").path("example").isMissingNode()) {
                    documentedError = true;
                }
                if (response.getKey().startsWith("2") && content.isObject() && content.properties().stream()
                        .noneMatch(c -> hasExample(doc, c.getValue().path("schema"), c.getValue()))) {
                    problems.add(method + " " + path + " has no example for " + response.getKey());
                }
            }
            if (!documentedError) {
                problems.add(method + " " + path + " documents no error response");
            }
        }));

        assertThat(problems).isEmpty();
        assertThat(api.get("/swagger-ui/index.html").status()).isEqualTo(200);
    }

    /** An example on the media type, on the (referenced) schema, or on every property of it. */
    private static boolean hasExample(JsonNode doc, JsonNode schema, JsonNode media) {
        if (media != null && (!media.path("example").isMissingNode() || !media.path("examples").isMissingNode())) {
            return true;
        }
        String ref = schema.path("$ref").asString("");
        JsonNode resolved = ref.isEmpty() ? schema : doc.at(ref.substring(1));
        if (!resolved.path("example").isMissingNode()) {
            return true;
        }
        JsonNode properties = resolved.path("properties");
        return properties.isObject() && !properties.isEmpty()
                && properties.properties().stream().allMatch(p -> hasExample(doc, p.getValue(), null));
    }
}
