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

    /**
     * Delivers several aggregates' events, each list one aggregate's in sequence order, returning
     * only when all are durably handled; throwing leaves all of them unrelayed. By default one
     * {@link #relay} per aggregate; a sink that can write a batch with one command overrides this,
     * so a burst of many small aggregates costs a few commands per batch, not per aggregate.
     */
    default void relayAll(List<List<? extends DomainEventMessage<?>>> aggregates) {
        aggregates.forEach(this::relay);
    }

    /** A short name for logs, metrics and health details. */
    String name();
}
