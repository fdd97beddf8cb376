package org.incidentplatform.incident.intake;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import org.incidentplatform.incident.integrations.Integration;
import org.incidentplatform.incident.integrations.IntegrationType;
import org.incidentplatform.incident.web.RequestOrigin;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/**
 * Alertmanager and Grafana webhooks. The integration key is either in the path or sent the way
 * these senders send credentials: {@code Authorization: Bearer <key>} or Basic with the key as
 * password. Answers 202 once every alert of the POST is stored.
 */
@RestController
@Tag(name = "Alert intake", description = "Webhooks for Alertmanager, Grafana and Events API v2 senders")
class AlertmanagerWebhookController {

    private final IntegrationAuthentication authentication;
    private final AlertIntake intake;
    private final IntakeLimiter limiter;

    AlertmanagerWebhookController(IntegrationAuthentication authentication, AlertIntake intake, IntakeLimiter limiter) {
        this.authentication = authentication;
        this.intake = intake;
        this.limiter = limiter;
    }

    @Schema(example = "{\"accepted\": 2, \"recorded\": 2, \"truncatedAlerts\": 0}")
    record Accepted(int accepted, int recorded, int truncatedAlerts) {
    }

    @PostMapping({"/api/v1/integrations/{key}/alertmanager", "/api/v1/alerts/alertmanager"})
    @Operation(summary = "Alertmanager webhook (version 4)", description = "Many alerts per POST, each keyed by fingerprint. "
            + "Key in the path, or Authorization Bearer/Basic. 202 after the alerts are stored; 413 above 512 KB; "
            + "429 with Retry-After when overloaded; 404 for an unknown key.")
    ResponseEntity<Accepted> alertmanager(@PathVariable(required = false) String key,
            @RequestHeader(name = "Authorization", required = false) String authorization,
            @Valid @RequestBody AlertmanagerWebhook webhook, HttpServletRequest request) {
        return receive(authentication.authenticate(key, authorization, IntegrationType.ALERTMANAGER), webhook,
                "alertmanager", request);
    }

    @RequestMapping(path = {"/api/v1/integrations/{key}/grafana", "/api/v1/alerts/grafana"},
            method = {RequestMethod.POST, RequestMethod.PUT})
    @Operation(summary = "Grafana unified alerting webhook", description = "The Alertmanager shape plus Grafana's fields; "
            + "POST or PUT as the contact point is configured.")
    ResponseEntity<Accepted> grafana(@PathVariable(required = false) String key,
            @RequestHeader(name = "Authorization", required = false) String authorization,
            @Valid @RequestBody AlertmanagerWebhook webhook, HttpServletRequest request) {
        return receive(authentication.authenticate(key, authorization, IntegrationType.GRAFANA), webhook,
                "grafana", request);
    }

    private ResponseEntity<Accepted> receive(Integration integration, AlertmanagerWebhook webhook, String source,
            HttpServletRequest request) {
        int truncated = webhook.truncatedAlerts() == null ? 0 : webhook.truncatedAlerts();
        int recorded = limiter.withPermit(() -> intake.receive(integration,
                AlertmanagerSignals.of(webhook, source, integration.severityField()), RequestOrigin.of(request)));
        // Truncated alerts were not sent to us: nothing is assumed about them (they are not resolved).
        return ResponseEntity.status(HttpStatus.ACCEPTED).body(new Accepted(webhook.alerts().size(), recorded, truncated));
    }

}
