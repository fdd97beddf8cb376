package org.incidentplatform.incident.intake;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

/**
 * Alertmanager's webhook payload (version 4), with the fields Grafana's unified alerting adds.
 * Unknown fields are ignored: senders add fields over time and must not be refused for it.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
// Label and annotation names follow Prometheus' rules; that also keeps them safe as MongoDB field
// names in the stored views (no '$' prefix, no '.').
@Schema(example = """
        {"version": "4", "groupKey": "{}:{alertname=\\"HighErrorRate\\"}", "truncatedAlerts": 0, "status": "firing",
         "receiver": "incident-platform", "groupLabels": {"alertname": "HighErrorRate"},
         "commonLabels": {"alertname": "HighErrorRate", "service": "api", "severity": "critical"},
         "commonAnnotations": {"summary": "API 5xx rate above 5%"}, "externalURL": "http://alertmanager:9093",
         "alerts": [{"status": "firing", "labels": {"alertname": "HighErrorRate", "service": "api", "severity": "critical"},
                     "annotations": {"summary": "API 5xx rate above 5%"}, "startsAt": "2026-11-21T09:39:30Z",
                     "endsAt": "0001-01-01T00:00:00Z", "generatorURL": "http://prometheus:9090/graph?g0.expr=...",
                     "fingerprint": "8a3f0e2b1c4d5e6f"}]}""")
record AlertmanagerWebhook(
        @Size(max = 10) String version,
        @Size(max = 4096) String groupKey,
        @PositiveOrZero Integer truncatedAlerts,
        @NotBlank @Pattern(regexp = "firing|resolved", message = "must be firing or resolved") String status,
        @Size(max = 256) String receiver,
        @Size(max = 64) Map<@Size(max = 256) String, @Size(max = 4096) String> groupLabels,
        @Size(max = 64) Map<@Size(max = 256) String, @Size(max = 4096) String> commonLabels,
        @Size(max = 64) Map<@Size(max = 256) String, @Size(max = 16384) String> commonAnnotations,
        @Size(max = 4096) String externalURL,
        // No upper bound here: a storm's group is accepted whole and cut to the configured
        // maximum by the controller, which reports the rest as truncated (a 4xx would lose it all).
        @NotEmpty List<@Valid @NotNull Alert> alerts,
        // Grafana unified alerting additions (title, state and message are deprecated there).
        Long orgId,
        @Size(max = 1024) String title,
        @Size(max = 64) String state,
        @Size(max = 16384) String message) {

    /** Prometheus label names: letters, digits and underscores, not starting with a digit. */
    static final String NAME = "[A-Za-z_][A-Za-z0-9_]*";
    static final String NAME_RULE = "must be a Prometheus-style name: letters, digits and underscores";

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Alert(
            @NotBlank @Pattern(regexp = "firing|resolved", message = "must be firing or resolved") String status,
            @NotNull @Size(max = 64) Map<@NotBlank @Size(max = 256) @Pattern(regexp = NAME, message = NAME_RULE) String,
                    @Size(max = 4096) String> labels,
            @Size(max = 64) Map<@NotBlank @Size(max = 256) @Pattern(regexp = NAME, message = NAME_RULE) String,
                    @Size(max = 16384) String> annotations,
            OffsetDateTime startsAt,
            OffsetDateTime endsAt,
            @Size(max = 4096) String generatorURL,
            @Size(max = 255) String fingerprint,
            // Grafana per-alert additions.
            @Size(max = 64) Map<@Size(max = 256) @Pattern(regexp = NAME, message = NAME_RULE) String, Object> values,
            @Size(max = 16384) String valueString,
            @Size(max = 4096) String silenceURL,
            @Size(max = 4096) String dashboardURL,
            @Size(max = 4096) String panelURL,
            @Size(max = 4096) String imageURL) {
    }
}
