package org.incidentplatform.report.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.incidentplatform.report.ReportServiceTest;
import org.incidentplatform.security.ApiKeyStore;
import org.incidentplatform.security.Scopes;
import org.incidentplatform.security.testing.AuthorizationMatrix;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

class AuthorizationMatrixTest extends ReportServiceTest {

    @Autowired
    ApiKeyStore keys;

    @Test
    void everyDocumentedEndpointEnforcesItsScope() throws Exception {
        Map<String, String> keyByScope = Map.of(
                Scopes.INCIDENTS_READ, keys.create("matrix-read", List.of(Scopes.INCIDENTS_READ), "test").secret(),
                Scopes.INCIDENTS_WRITE, keys.create("matrix-write", List.of(Scopes.INCIDENTS_WRITE), "test").secret(),
                Scopes.INTEGRATIONS_ADMIN, keys.create("matrix-integrations", List.of(Scopes.INTEGRATIONS_ADMIN), "test").secret(),
                Scopes.ADMIN, keys.create("matrix-admin", List.of(Scopes.ADMIN), "test").secret());

        // The status page is public by design (incidents.security.public-paths); all else needs a scope.
        var matrix = new AuthorizationMatrix("http://localhost:" + port, keyByScope,
                path -> path.equals("/status") || path.startsWith("/status/"));

        assertThat(matrix.violations()).isEmpty();
    }
}
