package org.incidentplatform.incident.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.messaging.correlation.SimpleCorrelationDataProvider;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The linker's commands must not join the processor's unit of work (their events would be stored
 * only when the whole batch commits, behind the publisher's look-back), yet must keep the handled
 * event's correlation data and let the handler's exceptions through unchanged.
 */
class DetachedCommandsTest {

    private final CommandGateway gateway = mock(CommandGateway.class);
    private final DetachedCommands detached = new DetachedCommands(gateway);

    @AfterEach
    void noUnitOfWorkLeftOpen() {
        while (CurrentUnitOfWork.isStarted()) {
            CurrentUnitOfWork.get().rollback();
        }
    }

    @Test
    void aCommandSentWhileHandlingAnEventRunsOutsideTheEventsUnitOfWorkWithItsCorrelationData() {
        AtomicReference<Boolean> nestedInAUnitOfWork = new AtomicReference<>();
        AtomicReference<CommandMessage<?>> sent = new AtomicReference<>();
        when(gateway.sendAndWait(any())).thenAnswer(call -> {
            nestedInAUnitOfWork.set(CurrentUnitOfWork.isStarted());
            sent.set(call.getArgument(0));
            return "done";
        });
        var batch = DefaultUnitOfWork.startAndGet(GenericEventMessage.asEventMessage("stream event")
                .andMetaData(Map.of("correlationId", "request-42", "actor", "integration:prometheus")));
        batch.registerCorrelationDataProvider(new SimpleCorrelationDataProvider("correlationId", "actor"));

        String result = detached.sendAndWait("open the incident");
        batch.commit();

        assertThat(result).isEqualTo("done");
        assertThat(nestedInAUnitOfWork.get()).isFalse();
        assertThat(sent.get().getPayload()).isEqualTo("open the incident");
        assertThat(sent.get().getMetaData())
                .containsEntry("correlationId", "request-42")
                .containsEntry("actor", "integration:prometheus");
    }

    @Test
    void theHandlersExceptionIsThrownAsItIs() {
        IllegalStateException refused = new IllegalStateException("incident already resolved");
        when(gateway.sendAndWait(any())).thenThrow(refused);

        assertThatThrownBy(() -> detached.sendAndWait("attach")).isSameAs(refused);
    }
}
