package org.incidentplatform.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Every endpoint is documented with an example of its success and of the problems it can answer. */
class OpenApiDocumentationTest extends ReportServiceTest {

    @Test
    void everyOperationHasASuccessExampleAndDocumentedProblems() {
        JsonNode document = JsonMapper.builder().build().readTree(http.get().uri("/v3/api-docs").retrieve().body(String.class));
        List<String> operations = new ArrayList<>();
        List<String> gaps = new ArrayList<>();
        document.path("paths").properties().forEach(path -> path.getValue().properties().forEach(op -> {
            String what = op.getKey().toUpperCase() + " " + path.getKey();
            operations.add(what);
            JsonNode responses = op.getValue().path("responses");
            boolean successExample = responses.properties().stream().filter(r -> r.getKey().startsWith("2"))
                    .flatMap(r -> r.getValue().path("content").valueStream())
                    .anyMatch(media -> media.has("example") || media.has("examples"));
            boolean problem = responses.properties().stream().filter(r -> r.getKey().startsWith("4") || r.getKey().startsWith("5"))
                    .anyMatch(r -> r.getValue().path("content").path("application/problem+json").has("example"));
            if (!successExample) {
                gaps.add(what + " has no success example");
            }
            if (!problem) {
                gaps.add(what + " documents no problem response");
            }
            if (!path.getKey().startsWith("/status") && !(responses.has("401") && responses.has("403"))) {
                gaps.add(what + " does not document 401 and 403");
            }
        }));

        assertThat(operations).containsExactlyInAnyOrder(
                "GET /api/v1/incidents/{incidentId}/postmortem", "GET /api/v1/metrics", "GET /api/v1/metrics/page",
                "POST /api/v1/admin/projection/rebuild", "GET /api/v1/admin/dead-letters", "GET /status", "GET /status/summary.json", "GET /status/history.atom");
        assertThat(gaps).isEmpty();
    }
}
