package org.incidentplatform.incident.intake;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.incidentplatform.events.AlertAttached;

/** Normalises Alertmanager and Grafana alerts. */
final class AlertmanagerSignals {

    /** Alertmanager writes this for "no end time": the alert is still firing. */
    private static final int ZERO_TIME_YEAR = 1;

    private AlertmanagerSignals() {
    }

    static List<AlertSignal> of(AlertmanagerWebhook webhook, String source, String severityLabel) {
        List<AlertSignal> signals = new ArrayList<>(webhook.alerts().size());
        for (AlertmanagerWebhook.Alert alert : webhook.alerts()) {
            Map<String, String> labels = alert.labels() == null ? Map.of() : alert.labels();
            Map<String, String> annotations = alert.annotations() == null ? Map.of() : alert.annotations();
            boolean firing = "firing".equals(alert.status());
            signals.add(new AlertSignal(
                    firing ? AlertSignal.Action.TRIGGER : AlertSignal.Action.RESOLVE,
                    alert.fingerprint() != null && !alert.fingerprint().isBlank() ? alert.fingerprint() : fingerprintOf(labels),
                    webhook.groupKey(),
                    annotations.getOrDefault("summary", annotations.get("description")),
                    labels.get(severityLabel),
                    labels, annotations, linksOf(alert, annotations),
                    instant(alert.startsAt()), firing ? null : instant(alert.endsAt()), source));
        }
        return signals;
    }

    /** Alertmanager always sends a fingerprint; for senders that do not, the sorted label set identifies the alert. */
    static String fingerprintOf(Map<String, String> labels) {
        return "labels-" + AlertIntake.sha256(new TreeMap<>(labels).toString()).substring(0, 16);
    }

    private static List<AlertAttached.Link> linksOf(AlertmanagerWebhook.Alert alert, Map<String, String> annotations) {
        List<AlertAttached.Link> links = new ArrayList<>();
        add(links, alert.generatorURL(), "Source");
        add(links, alert.dashboardURL(), "Dashboard");
        add(links, alert.panelURL(), "Panel");
        add(links, alert.silenceURL(), "Silence");
        add(links, alert.imageURL(), "Image");
        add(links, annotations.get("runbook_url"), "Runbook");
        return links;
    }

    private static void add(List<AlertAttached.Link> links, String href, String text) {
        if (href != null && !href.isBlank() && (href.startsWith("http://") || href.startsWith("https://"))) {
            links.add(new AlertAttached.Link(href, text));
        }
    }

    private static Instant instant(OffsetDateTime time) {
        return time == null || time.getYear() <= ZERO_TIME_YEAR ? null : time.toInstant();
    }
}
