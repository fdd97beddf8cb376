package org.incidentplatform.incident.lifecycle;

import org.axonframework.modelling.command.AggregateLifecycle;
import org.incidentplatform.incident.lifecycle.IncidentCommand.OpenIncidentWithAlerts;
import org.springframework.stereotype.Component;

/**
 * Creates the incident as a child of the aggregate whose handler is running
 * ({@link AggregateLifecycle#createNew}): the same rules as the {@code OpenIncidentWithAlerts}
 * command, the events queued in the caller's unit of work and stored with the caller's.
 */
@Component
class SpawningIncidentOpener implements IncidentOpener {

    @Override
    public void open(OpenIncidentWithAlerts command) {
        try {
            AggregateLifecycle.createNew(Incident.class, () -> new Incident(command));
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException("Opening incident " + command.incidentId() + " failed", e);
        }
    }
}
