package org.incidentplatform.incident.integrations;

/** How alerts become incidents. */
public enum GroupingMode {
    /** Each alert (fingerprint or dedup key) opens its own incident. */
    PER_ALERT,
    /** All alerts of one Alertmanager group (groupKey) share one incident. */
    PER_GROUP
}
