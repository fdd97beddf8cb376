package org.incidentplatform.report.projection;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.incidentplatform.events.AlertAttached;
import org.incidentplatform.events.AlertResolved;

/**
 * The monitoring alerts of one incident, summarised instead of listed: a storm attaches
 * thousands of alerts, and a report that listed them would outgrow a MongoDB document. Counts
 * are kept per integration and per label value; both lists are capped, and what did not fit is
 * counted, so the summary stays a fixed size whatever the storm.
 */
public class AlertSummary {

    /** Distinct label values counted, at most; alert names and severities come first in practice. */
    static final int MAX_LABEL_VALUES = 200;
    static final int MAX_INTEGRATIONS = 50;

    long attached;
    long resolved;
    Instant firstAttachedAt;
    Instant lastAttachedAt;
    Instant lastResolvedAt;
    List<Count> byIntegration = new ArrayList<>();
    List<LabelCount> byLabel = new ArrayList<>();
    long labelValuesNotCounted;

    /** Alerts counted under one integration name. */
    public record Count(String name, long alerts) {
    }

    /** Alerts that carried one label with one value, e.g. alertname=HostDown. */
    public record LabelCount(String label, String value, long alerts) {
    }

    void attach(AlertAttached alert) {
        attached++;
        firstAttachedAt = firstAttachedAt == null || alert.occurredAt().isBefore(firstAttachedAt)
                ? alert.occurredAt() : firstAttachedAt;
        lastAttachedAt = lastAttachedAt == null || alert.occurredAt().isAfter(lastAttachedAt)
                ? alert.occurredAt() : lastAttachedAt;
        countIntegration(alert.integrationName() == null ? alert.integrationId() : alert.integrationName());
        for (Map.Entry<String, String> label : alert.labels().entrySet()) {
            countLabel(label.getKey(), label.getValue());
        }
    }

    void resolve(AlertResolved alert) {
        resolved++;
        lastResolvedAt = alert.occurredAt();
    }

    private void countIntegration(String name) {
        for (int i = 0; i < byIntegration.size(); i++) {
            if (byIntegration.get(i).name().equals(name)) {
                byIntegration.set(i, new Count(name, byIntegration.get(i).alerts() + 1));
                return;
            }
        }
        if (byIntegration.size() < MAX_INTEGRATIONS) {
            byIntegration.add(new Count(name, 1));
        }
    }

    private void countLabel(String label, String value) {
        for (int i = 0; i < byLabel.size(); i++) {
            LabelCount known = byLabel.get(i);
            if (known.label().equals(label) && known.value().equals(value)) {
                byLabel.set(i, new LabelCount(label, value, known.alerts() + 1));
                return;
            }
        }
        if (byLabel.size() < MAX_LABEL_VALUES) {
            byLabel.add(new LabelCount(label, value, 1));
        } else {
            labelValuesNotCounted++;
        }
    }

    public long attached() { return attached; }
    public long resolved() { return resolved; }
    public Instant firstAttachedAt() { return firstAttachedAt; }
    public Instant lastAttachedAt() { return lastAttachedAt; }
    public Instant lastResolvedAt() { return lastResolvedAt; }
    public List<Count> byIntegration() { return List.copyOf(byIntegration); }
    public long labelValuesNotCounted() { return labelValuesNotCounted; }

    /** The most frequent label values first, ties in the order they were first seen. */
    public List<LabelCount> topLabels(int limit) {
        return byLabel.stream().sorted(Comparator.comparingLong(LabelCount::alerts).reversed()).limit(limit).toList();
    }
}
