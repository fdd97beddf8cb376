package org.incidentplatform.incident.intake;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

/** One sender over its budget gets 429 + Retry-After + a problem detail; other integrations keep theirs. */
class IntakeBudgetFilterTest {

    private final IntakeBudgetFilter filter = new IntakeBudgetFilter(new IntakeBudget(0.5, 3));
    private final List<String> handledBodies = new ArrayList<>();

    @Test
    void aSenderOverItsBudgetIsRefusedWhileAnotherIntegrationIsServed() throws Exception {
        List<Integer> noisy = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            noisy.add(post("/api/v1/integrations/noisy-key/alertmanager", null, "{}").getStatus());
        }
        MockHttpServletResponse refused = post("/api/v1/integrations/noisy-key/alertmanager", null, "{}");
        MockHttpServletResponse quiet = post("/api/v1/integrations/quiet-key/alertmanager", null, "{}");

        assertThat(noisy).containsExactly(200, 200, 200, 429, 429);
        assertThat(refused.getStatus()).isEqualTo(429);
        assertThat(refused.getHeader("Retry-After")).isEqualTo("2");
        assertThat(refused.getContentType()).isEqualTo("application/problem+json");
        assertThat(refused.getContentAsString()).contains("\"status\":429", "Intake budget exceeded");
        assertThat(quiet.getStatus()).isEqualTo(200);
    }

    @Test
    void theKeyCountsWhereverTheSenderPutsIt() throws Exception {
        for (int i = 0; i < 3; i++) {
            post("/api/v1/alerts/grafana", "Bearer shared-key", "{}");
        }
        assertThat(post("/api/v1/integrations/shared-key/grafana", null, "{}").getStatus()).isEqualTo(429);
    }

    @Test
    void eventsApiRequestsAreBudgetedByRoutingKeyAndKeepTheirWholeBody() throws Exception {
        String body = "{\"routing_key\":\"events-key\",\"event_action\":\"trigger\",\"payload\":{\"summary\":\""
                + "x".repeat(5_000) + "\"}}";
        for (int i = 0; i < 3; i++) {
            assertThat(post("/v2/enqueue", null, body).getStatus()).isEqualTo(200);
        }
        assertThat(post("/api/v1/events/enqueue", null, body).getStatus()).isEqualTo(429);
        assertThat(handledBodies).hasSize(3).allMatch(body::equals);
    }

    @Test
    void otherPathsAndRequestsWithoutAKeyAreNotBudgeted() throws Exception {
        for (int i = 0; i < 5; i++) {
            assertThat(post("/api/v1/integrations", "Bearer admin-key", "{}").getStatus()).isEqualTo(200);
            assertThat(post("/api/v1/alerts/alertmanager", null, "{}").getStatus()).isEqualTo(200);
        }
    }

    private MockHttpServletResponse post(String path, String authorization, String body) throws Exception {
        var request = new MockHttpServletRequest("POST", path);
        if (authorization != null) {
            request.addHeader("Authorization", authorization);
        }
        request.setContent(body.getBytes(StandardCharsets.UTF_8));
        var response = new MockHttpServletResponse();
        filter.doFilter(request, response, new MockFilterChain(new HttpServlet() {
            @Override
            protected void service(HttpServletRequest req, HttpServletResponse res) throws IOException {
                handledBodies.add(new String(req.getInputStream().readAllBytes(), StandardCharsets.UTF_8));
            }
        }));
        return response;
    }
}
