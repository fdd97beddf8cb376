package org.incidentplatform.incident.intake;

import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.stereotype.Component;

/**
 * Sends a command from an event handler so that it runs in a unit of work of its own, and waits
 * for it. Sent directly, the command's unit of work would be nested in the handler's, and Axon
 * stores the events of nested units only when the outer unit commits, so a later failure in the
 * handler would hold back events whose command had already succeeded. Run alone, a command's
 * events are stored as soon as it is handled, like those of any API request. (This once also
 * made the timestamp-tracking publisher skip events; the event relay no longer depends on when
 * events are stored.)
 *
 * <p>The message is built in the caller's thread, where the unit of work is current, so it
 * carries the handled event's correlation data (actor, correlation id, trace context) as before.
 */
@Component
class DetachedCommands {

    private final CommandGateway commands;
    private final ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor();

    DetachedCommands(CommandGateway commands) {
        this.commands = commands;
    }

    /** Like {@link CommandGateway#sendAndWait(Object)}: the handler's exception is thrown as it is. */
    <R> R sendAndWait(Object command) {
        CommandMessage<?> message = GenericCommandMessage.asCommandMessage(command);
        try {
            return threads.<R>submit(() -> commands.sendAndWait(message)).get();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            if (e.getCause() instanceof Error error) {
                throw error;
            }
            throw new IllegalStateException(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while sending " + command.getClass().getSimpleName(), e);
        }
    }
}
