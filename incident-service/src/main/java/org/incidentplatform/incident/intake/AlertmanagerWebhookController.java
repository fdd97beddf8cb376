package org.incidentplatform.incident.intake;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import java.util.List;
import org.incidentplatform.incident.integrations.Integration;
import org.incidentplatform.incident.integrations.IntegrationType;
import org.incidentplatform.incident.web.RequestOrigin;
import org.springframework.beans.factory.annotation.Value;
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
 * password. Answers 202 once every alert of the POST is stored, as stream events or, when
 * {@link AlertAcceptance} queues them (a large group, a busy intake), as received.
 */
@RestController
@Tag(name = "Alert intake", description = "Webhooks for Alertmanager, Grafana and Events API v2 senders")
class AlertmanagerWebhookController {

    private final IntegrationAuthentication authentication;
    private final AlertAcceptance acceptance;
    private final int maxAlertsPerGroup;

    AlertmanagerWebhookController(IntegrationAuthentication authentication, AlertAcceptance acceptance,
            @Value("${incidents.intake.max-alerts-per-group:10000}") int maxAlertsPerGroup) {
        this.authentication = authentication;
        this.acceptance = acceptance;
        this.maxAlertsPerGroup = maxAlertsPerGroup;
    }

    /**
     * @param accepted        alerts taken from this POST (at most the configured maximum per group)
     * @param recorded        alerts that changed something (a resolve of an unknown alert does not); 0 when queued
     * @param queued          alerts stored as received and sent to their incidents after this answer, in order
     * @param truncatedAlerts alerts not stored: those the sender already left out, plus those past our maximum
     */
    @Schema(example = "{\"accepted\": 2, \"recorded\": 2, \"queued\": 0, \"truncatedAlerts\": 0}")
    record Accepted(int accepted, int recorded, int queued, int truncatedAlerts) {
    }

    @PostMapping({"/api/v1/integrations/{key}/alertmanager", "/api/v1/alerts/alertmanager"})
    @Operation(summary = "Alertmanager webhook (version 4)", description = "Many alerts per POST, each keyed by fingerprint. "
            + "Key in the path, or Authorization Bearer/Basic. 202 after the alerts are stored (a group above 1,000 alerts is stored as received and counted in queued: "
            + "its incident follows within seconds); 413 above 16 MB; a group above the configured maximum (10,000 alerts) is stored up to it and the rest reported in truncatedAlerts; "
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
        List<AlertSignal> signals = AlertmanagerSignals.of(webhook, source, integration.severityField());
        List<AlertSignal> stored = signals.size() > maxAlertsPerGroup ? signals.subList(0, maxAlertsPerGroup) : signals;
        int truncated = (webhook.truncatedAlerts() == null ? 0 : webhook.truncatedAlerts()) + signals.size() - stored.size();
        if (stored.size() < signals.size()) {
            log.warn("Integration {}: a group of {} alerts was cut to {}; the rest are reported as truncated",
                    integration.name(), signals.size(), stored.size());
        }
        // Truncated alerts were not stored: nothing is assumed about them (they are not resolved).
        AlertAcceptance.Outcome outcome = acceptance.accept(integration, stored, RequestOrigin.of(request));
        return ResponseEntity.status(HttpStatus.ACCEPTED)
                .body(new Accepted(stored.size(), outcome.recorded(), outcome.queued(), truncated));
    }

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(AlertmanagerWebhookController.class);

}
