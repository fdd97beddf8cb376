package org.incidentplatform.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;

class SecretPathRedactionTest {

    private final SecretPathRedaction redaction = new SecretPathRedaction(List.of(
            "/api/v1/integrations/{key}/alertmanager", "/api/v1/integrations/{key}/grafana"));

    @Test
    void theKeySegmentOfAWebhookPathIsMasked() {
        assertThat(redaction.redact("/api/v1/integrations/ik_live_secret/alertmanager"))
                .isEqualTo("/api/v1/integrations/****/alertmanager");
        assertThat(redaction.redact("/api/v1/integrations/ik_live_secret/grafana"))
                .isEqualTo("/api/v1/integrations/****/grafana");
    }

    @Test
    void otherPathsAreLeftAlone() {
        assertThat(redaction.redact("/api/v1/integrations/int-3f1b2c4d5e6f")).isEqualTo("/api/v1/integrations/int-3f1b2c4d5e6f");
        assertThat(redaction.redact("/api/v1/integrations/int-1/rotate-key")).isEqualTo("/api/v1/integrations/int-1/rotate-key");
    }

    @Test
    void problemInstancesAndErrorBodyPathsAreRewritten() {
        ProblemDetail problem = ProblemDetail.forStatus(HttpStatus.BAD_REQUEST);
        problem.setInstance(URI.create("/api/v1/integrations/ik_live_secret/alertmanager"));

        redaction.beforeBodyWrite(problem, null, null, null, null, null);
        Object body = redaction.beforeBodyWrite(Map.of("status", 500, "path", "/api/v1/integrations/ik_live_secret/grafana"),
                null, null, null, null, null);

        assertThat(problem.getInstance()).hasToString("/api/v1/integrations/****/alertmanager");
        assertThat(body).isEqualTo(Map.of("status", 500, "path", "/api/v1/integrations/****/grafana"));
    }
}
