package org.incidentplatform.incident.integrations;

/** The payload format an integration's endpoint accepts. */
public enum IntegrationType {
    /** Prometheus Alertmanager webhook, version 4. */
    ALERTMANAGER,
    /** Grafana unified alerting webhook. */
    GRAFANA,
    /** PagerDuty Events API v2 compatible. */
    EVENTS_V2
}
