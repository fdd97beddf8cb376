package org.incidentplatform.events;

/**
 * Where an incident is in its life. TRIGGERED until someone acknowledges it; INVESTIGATING,
 * IDENTIFIED and MONITORING follow the status-page vocabulary; RESOLVED can be reopened; CLOSED
 * (post-mortem complete) is final.
 */
public enum IncidentStatus {
    TRIGGERED, ACKNOWLEDGED, INVESTIGATING, IDENTIFIED, MONITORING, RESOLVED, CLOSED
}
