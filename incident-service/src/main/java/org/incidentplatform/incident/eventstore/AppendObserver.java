package org.incidentplatform.incident.eventstore;

import java.util.List;
import org.axonframework.eventhandling.EventMessage;

/**
 * Told about every append to the event store. {@link #storing} runs first, on the appending
 * thread; {@link #beforeAppend} runs next, for the appends written together, and by throwing
 * prevents them: the event relay announces events there (relay package).
 */
public interface AppendObserver {

    /** One append (a unit of work's events) is about to be handed to the group commit. */
    void storing(List<? extends EventMessage<?>> events);

    void beforeAppend(List<? extends EventMessage<?>> events);

    void afterAppend(List<? extends EventMessage<?>> events);
}
