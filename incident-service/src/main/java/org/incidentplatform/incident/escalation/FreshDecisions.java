package org.incidentplatform.incident.escalation;

import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.common.caching.Cache;
import org.axonframework.modelling.command.ConcurrencyException;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.stereotype.Component;

/**
 * Sends a command whose handler may decide to do nothing (a timer for a step the incident has
 * left, a link for an incident already answered), and makes sure that "nothing" was decided on
 * fresh state. Aggregates are cached per instance: one cached here may lack events another
 * instance appended since. A stale decision to act is refused by the event store's unique index
 * and retried; a stale decision to do nothing would not be, so it is taken again after dropping
 * the cached aggregate.
 */
@Component
class FreshDecisions {

    private static final int ATTEMPTS = 5;
    private final CommandGateway commands;
    private final Cache aggregates;

    FreshDecisions(CommandGateway commands, @Qualifier("aggregateCache") Cache aggregates) {
        this.commands = commands;
        this.aggregates = aggregates;
    }

    /**
     * @return whether the handler acted (it returns true when it applied events). A decision to act
     *         taken on stale state fails on the event store's unique index; it is taken again, on
     *         fresh state, a few times before the conflict is passed on.
     */
    boolean acted(String aggregateId, CommandMessage<?> command) {
        for (int attempt = 1; ; attempt++) {
            try {
                if (Boolean.TRUE.equals(commands.sendAndWait(command))) {
                    return true;
                }
                aggregates.remove(aggregateId);
                return Boolean.TRUE.equals(commands.sendAndWait(command));
            } catch (ConcurrencyException staleOrConcurrent) {
                aggregates.remove(aggregateId);
                if (attempt == ATTEMPTS) {
                    throw staleOrConcurrent;
                }
            }
        }
    }
}
