package org.incidentplatform.incident.relay;

import java.util.List;
import org.axonframework.eventhandling.DomainEventMessage;

/**
 * Something every stored event of an aggregate type must reach. The relay calls {@link #relay}
 * with one aggregate's events in sequence order; it may call it again with the same events after a
 * failure or a restart, so a sink must be idempotent. Throwing leaves the events unrelayed and the
 * relay retries them later with back-off. Sinks run in {@link org.springframework.core.annotation.Order}.
 */
public interface RelaySink {

    /** Whether events of this aggregate type ({@code "Incident"}, {@code "AlertStream"}) concern this sink. */
    boolean handles(String aggregateType);

    /** Delivers the events, returning only when they are durably handled. */
    void relay(List<? extends DomainEventMessage<?>> events);

    /** A short name for logs, metrics and health details. */
    String name();
}
