package org.incidentplatform.events;

/** The progress statuses a status update can announce, as status pages name them. */
public enum ProgressStatus {
    INVESTIGATING, IDENTIFIED, MONITORING;

    /** The incident status this progress status puts an incident in. */
    public IncidentStatus asIncidentStatus() {
        return IncidentStatus.valueOf(name());
    }
}
