package org.incidentplatform.incident.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;

import org.incidentplatform.incident.IncidentServiceTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.client.RestClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

@IncidentServiceTest
class OpenIncidentApiTest {

    @LocalServerPort
    int port;

    private RestClient http;
    private final JsonMapper json = JsonMapper.builder().build();

    @BeforeEach
    void setUp() {
        http = RestClient.builder().baseUrl("http://localhost:" + port)
                .defaultStatusHandler(status -> true, (request, response) -> { })
                .build();
    }

    @Test
    void openingAnIncidentAnswers201WithItsLocationAndIsReadableAtOnce() {
        ResponseEntity<String> created = post("""
                {"title":"DNS records missing after provider switch","severity":"SEV1","services":["api"]}""");

        assertThat(created.getStatusCode().value()).isEqualTo(201);
        JsonNode body = json.readTree(created.getBody());
        String id = body.get("id").asString();
        assertThat(created.getHeaders().getLocation()).hasToString("/api/v1/incidents/" + id);
        assertThat(body.get("status").asString()).isEqualTo("TRIGGERED");

        ResponseEntity<String> read = http.get().uri("/api/v1/incidents/{id}", id).retrieve().toEntity(String.class);
        assertThat(read.getStatusCode().value()).isEqualTo(200);
        assertThat(json.readTree(read.getBody()).get("title").asString())
                .isEqualTo("DNS records missing after provider switch");
    }

    @Test
    void anIncidentWithoutTitleOrWithAnUnknownSeverityIsRejectedWithFieldErrors() {
        ResponseEntity<String> missingTitle = post("{\"severity\":\"SEV1\"}");
        assertThat(missingTitle.getStatusCode().value()).isEqualTo(400);
        assertThat(missingTitle.getHeaders().getContentType().toString()).startsWith("application/problem+json");
        assertThat(json.readTree(missingTitle.getBody()).get("errors").toString()).contains("title");

        ResponseEntity<String> badSeverity = post("{\"title\":\"x\",\"severity\":\"SEV9\"}");
        assertThat(badSeverity.getStatusCode().value()).isEqualTo(400);
        assertThat(json.readTree(badSeverity.getBody()).get("detail").asString()).contains("SEV9");
    }

    @Test
    void anUnknownIncidentIsA404ProblemDetail() {
        ResponseEntity<String> missing = http.get().uri("/api/v1/incidents/{id}", "no-such-incident")
                .retrieve().toEntity(String.class);

        assertThat(missing.getStatusCode().value()).isEqualTo(404);
        assertThat(json.readTree(missing.getBody()).get("title").asString()).isEqualTo("Incident not found");
    }

    private ResponseEntity<String> post(String body) {
        return http.post().uri("/api/v1/incidents").contentType(MediaType.APPLICATION_JSON).body(body)
                .retrieve().toEntity(String.class);
    }
}
