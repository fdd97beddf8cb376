package org.incidentplatform.incident.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;

import org.incidentplatform.incident.ApiClient;
import org.incidentplatform.incident.IncidentServiceTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpMethod;

@IncidentServiceTest
class OpenIncidentApiTest {

    @LocalServerPort
    int port;

    private ApiClient api;

    @BeforeEach
    void setUp() {
        api = new ApiClient(port);
    }

    @Test
    void openingAnIncidentAnswers201WithItsLocationAndIsReadableAtOnce() {
        var created = api.send(HttpMethod.POST, "/api/v1/incidents",
                "{\"title\":\"DNS records missing after provider switch\",\"severity\":\"SEV1\",\"services\":[\"api\"]}");

        assertThat(created.status()).isEqualTo(201);
        String id = created.text("/id");
        assertThat(created.header("Location")).isEqualTo("/api/v1/incidents/" + id);
        assertThat(created.header("ETag")).isEqualTo("\"0\"");
        assertThat(created.text("/status")).isEqualTo("TRIGGERED");

        var read = api.get("/api/v1/incidents/" + id);
        assertThat(read.status()).isEqualTo(200);
        assertThat(read.text("/title")).isEqualTo("DNS records missing after provider switch");
    }

    @Test
    void anIncidentWithoutTitleOrWithAnUnknownSeverityIsRejectedWithFieldErrors() {
        var missingTitle = api.send(HttpMethod.POST, "/api/v1/incidents", "{\"severity\":\"SEV1\"}");
        assertThat(missingTitle.status()).isEqualTo(400);
        assertThat(missingTitle.header("Content-Type")).startsWith("application/problem+json");
        assertThat(missingTitle.body().get("errors").toString()).contains("title");

        var badSeverity = api.send(HttpMethod.POST, "/api/v1/incidents", "{\"title\":\"x\",\"severity\":\"SEV9\"}");
        assertThat(badSeverity.status()).isEqualTo(400);
        // The answer names the field and what it accepts; it does not echo the value sent.
        assertThat(badSeverity.text("/errors/0/field")).isEqualTo("severity");
        assertThat(badSeverity.text("/detail")).contains("'severity' must be one of SEV1, SEV2, SEV3, SEV4");
    }

    @Test
    void anUnknownIncidentIsA404ProblemDetail() {
        var missing = api.get("/api/v1/incidents/no-such-incident");

        assertThat(missing.status()).isEqualTo(404);
        assertThat(missing.text("/title")).isEqualTo("Incident not found");
    }
}
