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
 * written in that unit of work is normally in place before the relay looks at it. Until then the
 * relay leaves those aggregates alone ({@link RelayWakeUp#storing}): taken earlier (a poll falls
 * due while the unit of work is still writing its views) the relay writes the view itself and the
 * unit's own write then fails and reads it back, three commands instead of one.
 */
@Component
class AnnouncingAppendObserver implements AppendObserver {

    private final RelayCursors cursors;
    private final RelayWakeUp wakeUp;

    AnnouncingAppendObserver(RelayCursors cursors, RelayWakeUp wakeUp) {
        this.cursors = cursors;
        this.wakeUp = wakeUp;
    }

    /** In a unit of work: its aggregates are held back from the relay until the unit has ended, however it ends. */
    @Override
    public void storing(List<? extends EventMessage<?>> events) {
        if (CurrentUnitOfWork.isStarted()) {
            Set<String> aggregates = aggregatesOf(events);
            wakeUp.storing(aggregates);
            CurrentUnitOfWork.get().onCleanup(unitOfWork -> wakeUp.eventsStored(aggregates));
        }
    }

    @Override
    public void beforeAppend(List<? extends EventMessage<?>> events) {
        cursors.announce(events);
    }

    /** Outside a unit of work nothing else is written with the events: the relay may look at once. */
    @Override
    public void afterAppend(List<? extends EventMessage<?>> events) {
        if (!CurrentUnitOfWork.isStarted()) {
            wakeUp.eventsStored(aggregatesOf(events));
        }
    }

    private static Set<String> aggregatesOf(List<? extends EventMessage<?>> events) {
        Set<String> aggregates = new LinkedHashSet<>();
        for (EventMessage<?> event : events) {
            if (event instanceof DomainEventMessage<?> domain) {
                aggregates.add(domain.getAggregateIdentifier());
            }
        }
        return aggregates;
    }
}
