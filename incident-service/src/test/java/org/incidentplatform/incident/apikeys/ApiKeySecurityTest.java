package org.incidentplatform.incident.apikeys;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.incidentplatform.incident.ApiClient;
import org.incidentplatform.incident.IncidentServiceTest;
import org.incidentplatform.security.ApiKeyStore;
import org.incidentplatform.security.Scopes;
import org.incidentplatform.security.testing.AuthorizationMatrix;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpMethod;

@IncidentServiceTest
class ApiKeySecurityTest {

    @LocalServerPort
    int port;

    @Autowired
    ApiKeyStore keys;

    @Test
    void everyDocumentedEndpointEnforcesItsScope() throws Exception {
        Map<String, String> keyByScope = Map.of(
                Scopes.INCIDENTS_READ, keys.create("matrix-read", List.of(Scopes.INCIDENTS_READ), "test").secret(),
                Scopes.INCIDENTS_WRITE, keys.create("matrix-write", List.of(Scopes.INCIDENTS_WRITE), "test").secret(),
                Scopes.INTEGRATIONS_ADMIN, keys.create("matrix-integrations", List.of(Scopes.INTEGRATIONS_ADMIN), "test").secret(),
                Scopes.ONCALL_ADMIN, keys.create("matrix-oncall", List.of(Scopes.ONCALL_ADMIN), "test").secret(),
                Scopes.ADMIN, keys.create("matrix-admin", List.of(Scopes.ADMIN), "test").secret());

        // Alert webhooks are public to API keys: they authenticate by integration key (AlertIntakeApiTest).
        var matrix = new AuthorizationMatrix("http://localhost:" + port, keyByScope,
                path -> path.startsWith("/api/v1/alerts/") || path.equals("/v2/enqueue")
                        || path.equals("/api/v1/events/enqueue") || path.startsWith("/api/v1/calendars/")
                        || path.startsWith("/api/v1/pages/") || path.equals("/api/v1/heartbeats/{key}/ping")
                        || path.matches("/api/v1/integrations/\\{key}/(alertmanager|grafana)"))
                // Slack's calls: the request signature is the credential; no API key opens them.
                .ownCredential(path -> path.startsWith("/api/v1/slack/"));

        assertThat(matrix.violations()).isEmpty();
    }

    @Test
    void aCreatedKeyWorksWithinItsScopesUntilItIsRevoked() {
        ApiClient admin = new ApiClient(port);
        var created = admin.send(HttpMethod.POST, "/api/v1/api-keys",
                "{\"name\":\"status-bot\",\"scopes\":[\"incidents:read\"]}");
        assertThat(created.status()).isEqualTo(201);
        String secret = created.text("/key");
        assertThat(secret).startsWith("ipk_");

        ApiClient bot = new ApiClient(port, secret);
        assertThat(bot.get("/api/v1/incidents").status()).isEqualTo(200);
        assertThat(bot.send(HttpMethod.POST, "/api/v1/incidents", "{\"title\":\"x\",\"severity\":\"SEV4\"}").status())
                .isEqualTo(403);

        String listed = admin.get("/api/v1/api-keys").body().toString();
        assertThat(listed).contains("status-bot").doesNotContain(secret).doesNotContain("hash");

        assertThat(admin.send(HttpMethod.DELETE, "/api/v1/api-keys/" + created.text("/keyId"), null).status()).isEqualTo(204);
        var refused = bot.get("/api/v1/incidents");
        assertThat(refused.status()).isEqualTo(401);
        assertThat(refused.header("WWW-Authenticate")).startsWith("Bearer");
        assertThat(refused.header("Content-Type")).startsWith("application/problem+json");
    }

    @Test
    void eventsRecordTheKeyThatCausedThem() {
        String secret = new ApiClient(port).send(HttpMethod.POST, "/api/v1/api-keys",
                "{\"name\":\"alertmanager-migration\",\"scopes\":[\"incidents:read\",\"incidents:write\"]}").text("/key");
        ApiClient bot = new ApiClient(port, secret);
        String id = bot.send(HttpMethod.POST, "/api/v1/incidents", "{\"title\":\"Disk full\",\"severity\":\"SEV3\"}").text("/id");

        assertThat(bot.get("/api/v1/incidents/" + id + "/events").text("/events/0/actor"))
                .isEqualTo("apikey:alertmanager-migration");
    }

    @Test
    void responsesCarrySecurityHeaders() {
        var response = new ApiClient(port).get("/api/v1/incidents");

        assertThat(response.header("Content-Security-Policy")).contains("default-src 'none'").contains("frame-ancestors 'none'");
        assertThat(response.header("X-Content-Type-Options")).isEqualTo("nosniff");
        assertThat(response.header("X-Frame-Options")).isEqualTo("DENY");
    }

    @Test
    void healthAndApiDocsArePublicButDoNotLeakDetails() {
        ApiClient anonymous = new ApiClient(port, null);
        var health = anonymous.get("/actuator/health/readiness");
        assertThat(health.status()).isEqualTo(200);
        assertThat(health.body().has("components")).isFalse();
        assertThat(anonymous.get("/v3/api-docs").status()).isEqualTo(200);
        assertThat(anonymous.get("/actuator/env").status()).isEqualTo(401);
    }
}
