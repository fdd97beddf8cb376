package org.incidentplatform.incident.integrations;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.incidentplatform.events.Severity;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * One configured sender.
 *
 * @param id              public id, e.g. {@code int-3f1b2c4d5e6f}
 * @param name            unique, human name: "prod-alertmanager"
 * @param type            which payload format its endpoint accepts
 * @param keyHash         SHA-256 of the secret key (unique index); the key itself is never stored
 * @param keyPrefix       first characters of the key, to recognise it
 * @param severityField   label (alertmanager, grafana) or payload field (events-v2) holding the severity
 * @param severityMapping sender severity value (lower case) to our severity
 * @param defaultSeverity severity when the field is absent or unmapped
 * @param serviceLabels   labels whose first present value names the affected service
 * @param grouping        one incident per alert, or one per Alertmanager group
 * @param autoResolve     resolve the incident when all its alerts resolve
 * @param enabled         a disabled integration answers 404 and stores nothing
 * @param createdAt       when it was created
 * @param updatedAt       when it last changed
 */
@Document("integrations")
public record Integration(
        @Id String id,
        String name,
        IntegrationType type,
        String keyHash,
        String keyPrefix,
        String severityField,
        Map<String, Severity> severityMapping,
        Severity defaultSeverity,
        List<String> serviceLabels,
        GroupingMode grouping,
        boolean autoResolve,
        boolean enabled,
        Instant createdAt,
        Instant updatedAt) {

    /** The defaults a new integration starts with: the common sender severities mapped to SEV levels. */
    public static final Map<String, Severity> DEFAULT_SEVERITY_MAPPING = Map.of(
            "critical", Severity.SEV1, "high", Severity.SEV2, "error", Severity.SEV2,
            "warning", Severity.SEV3, "medium", Severity.SEV3, "low", Severity.SEV4, "info", Severity.SEV4);

    /** Our severity for a sender's value, through the mapping, or the default. */
    public Severity severityFor(String senderValue) {
        if (senderValue == null) {
            return defaultSeverity;
        }
        return severityMapping.getOrDefault(senderValue.trim().toLowerCase(java.util.Locale.ROOT), defaultSeverity);
    }

    /** The actor recorded on events this integration causes. */
    public String actor() {
        return "integration:" + name;
    }
}
