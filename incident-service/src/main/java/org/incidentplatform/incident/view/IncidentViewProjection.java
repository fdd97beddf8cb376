package org.incidentplatform.incident.view;

import java.util.List;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.incidentplatform.events.IncidentEvent;
import org.springframework.stereotype.Component;

/**
 * Updates the incident's view in the unit of work that stored its events (a subscribing processor,
 * see application.yml), so that a client reads its own write. If this write fails, the failure is
 * logged and the command still succeeds, because its events are stored; the event relay brings the
 * view up to date from the event store shortly after ({@link IncidentViewCatchUp}).
 */
@Component
@ProcessingGroup("incident-view")
class IncidentViewProjection {

    private final IncidentViewCatchUp catchUp;

    IncidentViewProjection(IncidentViewCatchUp catchUp) {
        this.catchUp = catchUp;
    }

    @EventHandler
    void on(IncidentEvent event, EventMessage<?> message) {
        if (message instanceof DomainEventMessage<?> stored) {
            catchUp.relay(List.of(stored));
        }
    }
}
