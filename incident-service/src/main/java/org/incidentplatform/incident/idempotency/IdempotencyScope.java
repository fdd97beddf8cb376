package org.incidentplatform.incident.idempotency;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Optional;
import org.incidentplatform.incident.integrations.IntegrationCredential;
import org.incidentplatform.incident.integrations.IntegrationRepository;
import org.springframework.http.HttpHeaders;

/**
 * Whose keys a request's {@code Idempotency-Key} lives among: the authenticated principal, or on
 * the public webhooks the integration whose valid key the request carries. A request with
 * neither has no scope, so its key is not applied: two anonymous senders must never see each
 * other's answers, and nothing is stored for a caller that did not authenticate.
 */
class IdempotencyScope {

    private final IntegrationRepository integrations;

    IdempotencyScope(IntegrationRepository integrations) {
        this.integrations = integrations;
    }

    Optional<String> of(HttpServletRequest request, byte[] body) {
        if (request.getUserPrincipal() != null) {
            return Optional.of("principal:" + request.getUserPrincipal().getName());
        }
        if (!IntegrationCredential.isWebhook(request.getRequestURI())) {
            return Optional.empty();
        }
        return IntegrationCredential.of(request.getRequestURI(), request.getHeader(HttpHeaders.AUTHORIZATION), body)
                .flatMap(integrations::findEnabledByKey)
                .map(integration -> "integration:" + integration.id());
    }
}
