package org.incidentplatform.incident.lifecycle;

import org.incidentplatform.incident.lifecycle.IncidentCommand.OpenIncidentWithAlerts;

/**
 * Opens an incident from inside another aggregate's command handler, in the same unit of work:
 * the incident's first events are stored in the same append as the decision that opened it, after
 * that decision's events. An alert stream uses it so that an alert reaches its incident in one
 * step instead of through the event relay and a second command.
 *
 * <p>Axon resolves it as a handler parameter (a Spring bean); tests of the calling aggregate
 * register their own.
 */
public interface IncidentOpener {

    /** Applies the open and the attach of each alert to a new incident in the current unit of work. */
    void open(OpenIncidentWithAlerts command);
}
