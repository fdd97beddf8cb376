package org.incidentplatform.incident.lifecycle;

import java.util.Set;
import org.incidentplatform.events.IncidentStatus;

/** The incident's current status does not allow the requested action. */
public class IllegalTransitionException extends RuntimeException {

    private final IncidentStatus currentStatus;
    private final IncidentAction action;
    private final Set<IncidentAction> allowedActions;

    public IllegalTransitionException(IncidentStatus currentStatus, IncidentAction action, String reason) {
        super(reason);
        this.currentStatus = currentStatus;
        this.action = action;
        this.allowedActions = IncidentAction.allowedIn(currentStatus);
    }

    public IncidentStatus currentStatus() {
        return currentStatus;
    }

    public IncidentAction action() {
        return action;
    }

    public Set<IncidentAction> allowedActions() {
        return allowedActions;
    }
}
