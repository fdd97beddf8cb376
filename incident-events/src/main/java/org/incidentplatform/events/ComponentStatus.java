package org.incidentplatform.events;

/** How a component is doing, in Statuspage's vocabulary; later constants are worse. */
public enum ComponentStatus {
    OPERATIONAL, DEGRADED_PERFORMANCE, PARTIAL_OUTAGE, MAJOR_OUTAGE
}
