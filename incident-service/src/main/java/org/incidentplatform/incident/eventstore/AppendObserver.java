package org.incidentplatform.incident.eventstore;

import java.util.List;
import org.axonframework.eventhandling.EventMessage;

/**
 * Told about every append to the event store. {@link #beforeAppend} runs first and, by throwing,
 * prevents the append: the event relay announces events there (relay package).
 */
public interface AppendObserver {

    void beforeAppend(List<? extends EventMessage<?>> events);

    void afterAppend(List<? extends EventMessage<?>> events);
}
