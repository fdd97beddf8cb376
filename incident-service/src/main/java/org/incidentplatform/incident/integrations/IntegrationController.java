package org.incidentplatform.incident.integrations;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.incidentplatform.incident.web.AlreadyExists;
import org.incidentplatform.incident.web.NotFound;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Admin API for integrations; needs the integrations:admin scope. */
@RestController
@RequestMapping("/api/v1/integrations")
@Tag(name = "Integrations", description = "Admin: monitoring senders and how their alerts map to incidents")
class IntegrationController {

    private final IntegrationRepository integrations;

    IntegrationController(IntegrationRepository integrations) {
        this.integrations = integrations;
    }

    @Schema(example = """
            {"name": "prod-alertmanager", "type": "ALERTMANAGER",
             "settings": {"grouping": "PER_ALERT", "autoResolve": true, "serviceLabels": ["service"]}}""")
    record CreateIntegrationRequest(
            @NotBlank @Size(max = 100) @Pattern(regexp = "[A-Za-z0-9_.-]+") String name,
            @NotNull IntegrationType type,
            @Valid IntegrationSettings settings) {
    }

    /** An integration as the API shows it: never its key or key hash. */
    record IntegrationView(String id, String name, IntegrationType type, String keyPrefix, String severityField,
            java.util.Map<String, org.incidentplatform.events.Severity> severityMapping,
            org.incidentplatform.events.Severity defaultSeverity, List<String> serviceLabels, GroupingMode grouping,
            boolean autoResolve, boolean enabled, Instant createdAt, Instant updatedAt) {
        static IntegrationView of(Integration i) {
            return new IntegrationView(i.id(), i.name(), i.type(), i.keyPrefix(), i.severityField(), i.severityMapping(),
                    i.defaultSeverity(), i.serviceLabels(), i.grouping(), i.autoResolve(), i.enabled(),
                    i.createdAt(), i.updatedAt());
        }
    }

    @Schema(example = """
            {"integration": {"id": "int-3f1b2c4d5e6f", "name": "prod-alertmanager", "type": "ALERTMANAGER"},
             "key": "k3j5...", "webhookPath": "/api/v1/integrations/k3j5.../alertmanager"}""")
    record IntegrationWithKey(IntegrationView integration, String key, String webhookPath) {
    }

    @Schema(example = "{\"integrations\": [{\"id\": \"int-3f1b2c4d5e6f\", \"name\": \"prod-alertmanager\", \"type\": \"ALERTMANAGER\"}]}")
    record IntegrationList(List<IntegrationView> integrations) {
    }

    @PostMapping
    @Operation(summary = "Create an integration", description = "The response is the only time its key is shown.")
    ResponseEntity<IntegrationWithKey> create(@Valid @RequestBody CreateIntegrationRequest request) {
        String key = IntegrationKeys.generate();
        Integration integration = IntegrationSettings.create("int-" + UUID.randomUUID().toString().substring(0, 12),
                request.name(), request.type(), key,
                request.settings() == null ? IntegrationSettings.NONE : request.settings(), Instant.now());
        try {
            integrations.insert(integration);
        } catch (DuplicateKeyException taken) {
            throw AlreadyExists.of("Integration exists", "An integration named '" + request.name() + "' already exists.",
                    taken);
        }
        return ResponseEntity.created(URI.create("/api/v1/integrations/" + integration.id()))
                .body(new IntegrationWithKey(IntegrationView.of(integration), key, WebhookPaths.of(integration.type(), key)));
    }

    @GetMapping
    @Operation(summary = "List integrations")
    IntegrationList list() {
        return new IntegrationList(integrations.list().stream().map(IntegrationView::of).toList());
    }

    @GetMapping("/{integrationId}")
    @Operation(summary = "Get an integration")
    IntegrationView get(@PathVariable @Size(max = 40) String integrationId) {
        return IntegrationView.of(find(integrationId));
    }

    @PatchMapping("/{integrationId}")
    @Operation(summary = "Change an integration's mapping, grouping, auto-resolve or enabled flag")
    IntegrationView update(@PathVariable @Size(max = 40) String integrationId,
            @Valid @RequestBody IntegrationSettings changes) {
        Integration updated = changes.applyTo(find(integrationId), Instant.now());
        integrations.save(updated);
        return IntegrationView.of(updated);
    }

    @PostMapping("/{integrationId}/rotate-key")
    @Operation(summary = "Replace an integration's key", description = "The old key stops working within seconds.")
    IntegrationWithKey rotateKey(@PathVariable @Size(max = 40) String integrationId) {
        Integration current = find(integrationId);
        String key = IntegrationKeys.generate();
        Integration rotated = new Integration(current.id(), current.name(), current.type(), IntegrationKeys.hash(key),
                IntegrationKeys.prefix(key), current.severityField(), current.severityMapping(), current.defaultSeverity(),
                current.serviceLabels(), current.grouping(), current.autoResolve(), current.enabled(),
                current.createdAt(), Instant.now());
        integrations.save(rotated);
        return new IntegrationWithKey(IntegrationView.of(rotated), key, WebhookPaths.of(rotated.type(), key));
    }

    private Integration find(String integrationId) {
        return integrations.find(integrationId).orElseThrow(() -> NotFound.of("Integration not found",
                "No integration has the id '" + integrationId + "'."));
    }
}
