package org.incidentplatform.incident.intake;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.incidentplatform.incident.integrations.Integration;
import org.incidentplatform.incident.integrations.IntegrationRepository;
import org.incidentplatform.incident.integrations.IntegrationType;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Component;
import org.springframework.web.ErrorResponseException;

/** Finds the integration a webhook request belongs to, from whichever credential its sender uses. */
@Component
class IntegrationAuthentication {

    private final IntegrationRepository integrations;

    IntegrationAuthentication(IntegrationRepository integrations) {
        this.integrations = integrations;
    }

    Integration authenticate(String pathKey, String authorization, IntegrationType expectedType) {
        String key = pathKey != null ? pathKey : keyFrom(authorization);
        if (key == null || key.isBlank()) {
            throw problem(HttpStatus.UNAUTHORIZED, "Integration key required",
                    "Put the integration key in the path, or send it as 'Authorization: Bearer <key>' or as the Basic password.");
        }
        Integration integration = integrations.findEnabledByKey(key)
                .orElseThrow(() -> problem(HttpStatus.NOT_FOUND, "Unknown integration key", "No enabled integration has this key."));
        if (integration.type() != expectedType) {
            throw problem(HttpStatus.NOT_FOUND, "Wrong endpoint for this integration",
                    "This key belongs to an integration of type " + integration.type() + ".");
        }
        return integration;
    }

    static String keyFrom(String authorization) {
        if (authorization == null) {
            return null;
        }
        if (authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return authorization.substring(7).trim();
        }
        if (authorization.regionMatches(true, 0, "Basic ", 0, 6)) {
            try {
                String decoded = new String(Base64.getDecoder().decode(authorization.substring(6).trim()), StandardCharsets.UTF_8);
                int colon = decoded.indexOf(':');
                return colon < 0 ? null : decoded.substring(colon + 1);
            } catch (IllegalArgumentException notBase64) {
                return null;
            }
        }
        return null;
    }

    private static ErrorResponseException problem(HttpStatus status, String title, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setTitle(title);
        ErrorResponseException exception = new ErrorResponseException(status, problem, null);
        if (status == HttpStatus.UNAUTHORIZED) {
            exception.getHeaders().set("WWW-Authenticate", "Bearer realm=\"incident-platform-integrations\"");
        }
        return exception;
    }
}
