package org.incidentplatform.incident.lifecycle;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;
import org.incidentplatform.events.IncidentOpened;

/** One incident, rebuilt from its events for every command. */
@Aggregate
class Incident {

    @AggregateIdentifier
    private String incidentId;
    private IncidentStatus status;

    protected Incident() {
        // Axon rebuilds the aggregate from its events through this constructor.
    }

    @CommandHandler
    Incident(OpenIncidentCommand command) {
        apply(new IncidentOpened(command.incidentId(), command.title(), command.summary(),
                command.severity(), command.services(), command.occurredAt()));
    }

    @EventSourcingHandler
    void on(IncidentOpened event) {
        incidentId = event.incidentId();
        status = IncidentStatus.TRIGGERED;
    }

    IncidentStatus status() {
        return status;
    }
}
