package org.incidentplatform.timeline.entries;

import static org.assertj.core.api.Assertions.assertThat;

import org.incidentplatform.timeline.TimelineClient;
import org.incidentplatform.timeline.TimelineServiceTest;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import tools.jackson.databind.JsonNode;

class TimelineApiTest extends TimelineServiceTest {

    @Test
    void anUnknownIncidentIsA404ProblemDetail() {
        ResponseEntity<JsonNode> response = TimelineClient.timeline(http, "inc-never-opened");

        assertThat(response.getStatusCode().value()).isEqualTo(404);
        assertThat(response.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(response.getBody().path("status").asInt()).isEqualTo(404);
        assertThat(response.getBody().path("detail").asString()).contains("inc-never-opened");
    }

    @Test
    void anOverlongIncidentIdIsRejectedAsABadRequest() {
        ResponseEntity<JsonNode> response = TimelineClient.timeline(http, "x".repeat(201));

        assertThat(response.getStatusCode().value()).isEqualTo(400);
        assertThat(response.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
    }
}
