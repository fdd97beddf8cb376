package org.incidentplatform.report.postmortem;

import static org.assertj.core.api.Assertions.assertThat;

import org.incidentplatform.report.ReportClient;
import org.incidentplatform.report.ReportServiceTest;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import tools.jackson.databind.JsonNode;

class PostmortemApiTest extends ReportServiceTest {

    @Test
    void anUnknownIncidentIsA404ProblemDetail() {
        ResponseEntity<JsonNode> response = ReportClient.postmortem(http, "inc-never-opened");

        assertThat(response.getStatusCode().value()).isEqualTo(404);
        assertThat(response.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(response.getBody().path("status").asInt()).isEqualTo(404);
        assertThat(response.getBody().path("detail").asString()).contains("inc-never-opened");
    }

    @Test
    void anOverlongIncidentIdIsRejectedAsABadRequest() {
        ResponseEntity<JsonNode> response = ReportClient.postmortem(http, "x".repeat(201));

        assertThat(response.getStatusCode().value()).isEqualTo(400);
        assertThat(response.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
    }
}
