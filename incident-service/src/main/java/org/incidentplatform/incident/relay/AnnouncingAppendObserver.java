package org.incidentplatform.incident.relay;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.incidentplatform.incident.eventstore.AppendObserver;
import org.springframework.stereotype.Component;

/**
 * Announces events to the relay before they are stored (the step its completeness rests on) and
 * wakes the relay once the unit of work that stored them has ended, so that the incident view
 * written in that unit of work is normally in place before the relay looks at it.
 */
@Component
class AnnouncingAppendObserver implements AppendObserver {

    private final RelayCursors cursors;
    private final RelayWakeUp wakeUp;

    AnnouncingAppendObserver(RelayCursors cursors, RelayWakeUp wakeUp) {
        this.cursors = cursors;
        this.wakeUp = wakeUp;
    }

    @Override
    public void beforeAppend(List<? extends EventMessage<?>> events) {
        cursors.announce(events);
    }

    @Override
    public void afterAppend(List<? extends EventMessage<?>> events) {
        Set<String> aggregates = new LinkedHashSet<>();
        for (EventMessage<?> event : events) {
            if (event instanceof DomainEventMessage<?> domain) {
                aggregates.add(domain.getAggregateIdentifier());
            }
        }
        if (CurrentUnitOfWork.isStarted()) {
            CurrentUnitOfWork.get().onCleanup(unitOfWork -> wakeUp.eventsStored(aggregates));
        } else {
            wakeUp.eventsStored(aggregates);
        }
    }
}
