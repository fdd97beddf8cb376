package org.incidentplatform.incident.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.incidentplatform.incident.ApiClient;
import org.incidentplatform.incident.IncidentServiceTest;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/** A query parameter outside its bounds is a 400 problem naming it, not a 500. */
@IncidentServiceTest
class QueryParameterProblemsTest {

    @LocalServerPort
    int port;

    @Test
    void aListLimitAboveItsMaximumIsA400ProblemNamingTheParameter() {
        var answer = new ApiClient(port).get("/api/v1/incidents?limit=500");
        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.header("Content-Type")).startsWith("application/problem+json");
        assertThat(answer.body().toString()).contains("limit", "less than or equal to 100");
    }
}
