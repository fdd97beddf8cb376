package org.incidentplatform.incident.integrations;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.Map;
import org.incidentplatform.events.Severity;

/**
 * The changeable settings of an integration, as the admin API and the seed configuration give
 * them. Null means "keep the current value" on update and "use the default" on create.
 */
@Schema(example = """
        {"severityField": "severity", "severityMapping": {"critical": "SEV1", "warning": "SEV3"},
         "defaultSeverity": "SEV3", "serviceLabels": ["service", "job"], "grouping": "PER_ALERT",
         "autoResolve": true}""")
public record IntegrationSettings(
        @Size(max = 100) @Pattern(regexp = "[A-Za-z0-9_.-]+") String severityField,
        // Mapping keys become MongoDB field names in the stored integration: no '.', no leading '$'.
        @Size(max = 50) Map<@NotBlank @Size(max = 50) @Pattern(regexp = "[^.$][^.]*",
                message = "must not contain '.' or start with '$'") String, Severity> severityMapping,
        Severity defaultSeverity,
        @Size(max = 10) List<@NotBlank @Size(max = 100) @Pattern(regexp = "[A-Za-z0-9_.-]+") String> serviceLabels,
        GroupingMode grouping,
        Boolean autoResolve,
        Boolean enabled) {

    static final IntegrationSettings NONE = new IntegrationSettings(null, null, null, null, null, null, null);

    Integration applyTo(Integration current, java.time.Instant now) {
        return new Integration(current.id(), current.name(), current.type(), current.keyHash(), current.keyPrefix(),
                severityField != null ? severityField : current.severityField(),
                severityMapping != null ? lowerCaseKeys(severityMapping) : current.severityMapping(),
                defaultSeverity != null ? defaultSeverity : current.defaultSeverity(),
                serviceLabels != null ? List.copyOf(serviceLabels) : current.serviceLabels(),
                grouping != null ? grouping : current.grouping(),
                autoResolve != null ? autoResolve : current.autoResolve(),
                enabled != null ? enabled : current.enabled(),
                current.createdAt(), now);
    }

    static Integration create(String id, String name, IntegrationType type, String key, IntegrationSettings s,
            java.time.Instant now) {
        Integration defaults = new Integration(id, name, type, IntegrationKeys.hash(key), IntegrationKeys.prefix(key),
                type == IntegrationType.EVENTS_V2 ? "payload.severity" : "severity",
                Integration.DEFAULT_SEVERITY_MAPPING, Severity.SEV3,
                type == IntegrationType.EVENTS_V2 ? List.of("component", "group") : List.of("service", "job"),
                GroupingMode.PER_ALERT, true, true, now, now);
        return s.applyTo(defaults, now);
    }

    private static Map<String, Severity> lowerCaseKeys(Map<String, Severity> mapping) {
        Map<String, Severity> lower = new java.util.HashMap<>();
        mapping.forEach((k, v) -> lower.put(k.trim().toLowerCase(java.util.Locale.ROOT), v));
        return Map.copyOf(lower);
    }
}
