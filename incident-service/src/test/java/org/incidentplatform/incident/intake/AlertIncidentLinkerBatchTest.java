package org.incidentplatform.incident.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.incidentplatform.events.Severity;
import org.incidentplatform.incident.integrations.IntegrationRepository;
import org.incidentplatform.incident.intake.AlertStreamEvents.OpenedIncident;
import org.incidentplatform.incident.lifecycle.IncidentCommand.OpenIncidentWithAlerts;
import org.junit.jupiter.api.Test;

/**
 * A relay batch of many alert streams: their decisions are carried out at once (so their appends
 * can meet in one group commit), and one that fails does not stop the others, yet fails the batch.
 */
class AlertIncidentLinkerBatchTest {

    private static final int STREAMS = 5;

    private final CommandGateway gateway = mock(CommandGateway.class);
    private final AlertIncidentLinker linker = new AlertIncidentLinker(new DetachedCommands(gateway),
            mock(IncidentAlertStreams.class), mock(IntegrationRepository.class), List.of());

    @Test
    void theStreamsOfOneBatchOpenTheirIncidentsAtTheSameTime() {
        // Every command waits until all five are in progress: carried out one after the other,
        // the first would wait in vain and the batch would fail.
        CountDownLatch allInProgress = new CountDownLatch(STREAMS);
        Set<String> opened = ConcurrentHashMap.newKeySet();
        when(gateway.sendAndWait(any())).thenAnswer(call -> {
            allInProgress.countDown();
            if (!allInProgress.await(10, TimeUnit.SECONDS)) {
                throw new IllegalStateException("the streams' commands were not in progress at the same time");
            }
            opened.add(openedIncident(call.getArgument(0)));
            return null;
        });

        linker.relayAll(streams(STREAMS));

        assertThat(opened).containsExactlyInAnyOrder("incident-0", "incident-1", "incident-2", "incident-3",
                "incident-4");
    }

    @Test
    void aFailingStreamFailsTheBatchAfterTheOthersWereCarriedOut() {
        Set<String> opened = ConcurrentHashMap.newKeySet();
        when(gateway.sendAndWait(any())).thenAnswer(call -> {
            String incidentId = openedIncident(call.getArgument(0));
            if (incidentId.equals("incident-2")) {
                throw new IllegalStateException("MongoDB went away");
            }
            opened.add(incidentId);
            return null;
        });

        assertThatThrownBy(() -> linker.relayAll(streams(STREAMS))).isInstanceOf(IllegalStateException.class)
                .hasMessage("MongoDB went away");
        assertThat(opened).containsExactlyInAnyOrder("incident-0", "incident-1", "incident-3", "incident-4");
    }

    private static String openedIncident(CommandMessage<?> command) {
        return ((OpenIncidentWithAlerts) command.getPayload()).incidentId();
    }

    private static List<List<? extends DomainEventMessage<?>>> streams(int count) {
        List<List<? extends DomainEventMessage<?>>> streams = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            Instant now = Instant.now();
            AlertSignal signal = new AlertSignal(AlertSignal.Action.TRIGGER, "disk-" + i, null, "Disk full on host-" + i,
                    "critical", Map.of(), Map.of(), List.of(), now, null, "prometheus");
            OpenedIncident opened = new OpenedIncident("stream-" + i, "incident-" + i, null, "integration-1",
                    "Prometheus", Severity.SEV1, List.of(), "disk-" + i, 1, signal, now);
            streams.add(List.of(new GenericDomainEventMessage<>("AlertStream", "stream-" + i, 0, opened)));
        }
        return streams;
    }
}
