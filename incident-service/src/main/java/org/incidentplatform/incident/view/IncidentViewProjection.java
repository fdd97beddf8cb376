package org.incidentplatform.incident.view;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.incidentplatform.events.IncidentEvent;
import org.incidentplatform.incident.batching.CommitBatch;
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

    /**
     * One read and one write of the view per command, however many events it stored; the views
     * of incidents opened by commands that commit together are inserted with one command.
     */
    private final CommitBatch batch;

    IncidentViewProjection(IncidentViewCatchUp catchUp) {
        this.batch = CommitBatch.groupedAcrossUnits("incident-view", catchUp::writeCommitted);
    }

    @EventHandler
    void on(IncidentEvent event, EventMessage<?> message) {
        if (message instanceof DomainEventMessage<?> stored) {
            batch.add(stored);
        }
    }
}
