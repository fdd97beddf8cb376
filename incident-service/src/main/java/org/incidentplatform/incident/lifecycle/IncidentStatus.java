package org.incidentplatform.incident.lifecycle;

/** Where an incident is in its life, in the vocabulary responders and status pages use. */
public enum IncidentStatus {
    TRIGGERED, ACKNOWLEDGED, INVESTIGATING, IDENTIFIED, MONITORING, RESOLVED, CLOSED
}
