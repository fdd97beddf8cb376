package org.incidentplatform.incident.intake;

import java.util.List;
import java.util.UUID;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStoreException;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.axonframework.messaging.ResultMessage;
import org.axonframework.messaging.correlation.CorrelationDataProvider;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.axonframework.modelling.command.ConcurrencyException;
import org.incidentplatform.events.IncidentClosed;
import org.incidentplatform.events.IncidentResolved;
import org.incidentplatform.incident.integrations.IntegrationRepository;
import org.incidentplatform.incident.intake.AlertStreamCommands.EndIncident;
import org.incidentplatform.incident.intake.AlertStreamCommands.ReceiveAlert;
import org.incidentplatform.incident.intake.AlertStreamEvents.*;
import org.incidentplatform.incident.lifecycle.IllegalTransitionException;
import org.incidentplatform.incident.lifecycle.IncidentCommand.*;
import org.incidentplatform.incident.relay.RelaySink;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Turns alert-stream decisions into incident changes. A sink of the event relay: it gets every
 * stored event of each alert stream and incident in order, at least once, and a failure here
 * leaves the events pending for a retry, so every decision is carried out; each command here is
 * idempotent, so "more than once" changes nothing. Each event is handled in a unit of work of its
 * own carrying the event's correlation data, so commands inherit the stream event's actor (the
 * integration), correlation id and trace context.
 */
@Component
@Order(30)
class AlertIncidentLinker implements RelaySink {

    /** Each command in a unit of work of its own, so its events are stored (and stamped) at once. */
    private final DetachedCommands commands;
    private final IncidentAlertStreams streams;
    private final IntegrationRepository integrations;

    private final List<CorrelationDataProvider> correlation;

    AlertIncidentLinker(DetachedCommands commands, IncidentAlertStreams streams, IntegrationRepository integrations,
            List<CorrelationDataProvider> correlation) {
        this.commands = commands;
        this.streams = streams;
        this.integrations = integrations;
        this.correlation = List.copyOf(correlation);
    }

    @Override
    public boolean handles(String aggregateType) {
        return "AlertStream".equals(aggregateType) || "Incident".equals(aggregateType);
    }

    @Override
    public String name() {
        return "alert-incident-linker";
    }

    @Override
    public void relay(List<? extends DomainEventMessage<?>> events) {
        for (DomainEventMessage<?> event : events) {
            Runnable handler = switch (event.getPayload()) {
                case OpenedIncident e -> () -> on(e);
                case AlertJoined e -> () -> on(e);
                case AlertStreamEvents.AlertResolved e -> () -> on(e);
                case Acknowledged e -> () -> on(e);
                case IncidentResolved e -> () -> on(e);
                case IncidentClosed e -> () -> on(e);
                default -> null;
            };
            if (handler != null) {
                inUnitOfWorkOf(event, handler);
            }
        }
    }

    /** Runs the handler as an event processor would: commands built inside carry the event's correlation data. */
    private void inUnitOfWorkOf(DomainEventMessage<?> event, Runnable handler) {
        DefaultUnitOfWork<?> unitOfWork = DefaultUnitOfWork.startAndGet(event);
        correlation.forEach(unitOfWork::registerCorrelationDataProvider);
        ResultMessage<?> result = unitOfWork.executeWithResult(() -> {
            handler.run();
            return null;
        });
        if (result.isExceptional()) {
            Throwable failure = result.exceptionResult();
            throw failure instanceof RuntimeException runtime ? runtime
                    : new IllegalStateException("Linking " + event.getPayloadType().getSimpleName() + " failed", failure);
        }
    }

    void on(OpenedIncident e) {
        AlertSignal alert = e.signal();
        streams.remember(e.incidentId(), e.streamId());
        try {
            commands.sendAndWait(new OpenIncident(e.incidentId(), Titles.of(alert), null, e.severity(), e.services(),
                    null, e.receivedAt(), alert.startedAt() != null && alert.startedAt().isBefore(e.receivedAt())
                            ? alert.startedAt() : e.receivedAt()));
        } catch (AggregateStreamCreationException | ConcurrencyException | EventStoreException alreadyOpened) {
            // A redelivered decision: the incident exists. Attaching below is idempotent too.
        }
        attach(e.streamId(), e.incidentId(), e.integrationId(), e.integrationName(), e.alertKey(), alert,
                e.previousIncidentId(), e.receivedAt());
    }

    void on(AlertJoined e) {
        streams.remember(e.incidentId(), e.streamId());
        try {
            attach(e.streamId(), e.incidentId(), e.integrationId(), e.integrationName(), e.alertKey(), e.signal(),
                    null, e.receivedAt());
        } catch (IllegalTransitionException incidentAlreadyOver) {
            // People resolved the incident before the stream heard of it: end it there and let the
            // stream open a new incident for this alert.
            commands.sendAndWait(new EndIncident(e.streamId(), e.incidentId()));
            integrations.find(e.integrationId()).ifPresent(integration -> commands.sendAndWait(new ReceiveAlert(
                    e.streamId(), integration.id(), integration.name(), integration.autoResolve(),
                    integration.severityFor(e.signal().severity()), List.of(), UUID.randomUUID().toString(),
                    e.signal(), e.receivedAt())));
        }
    }

    void on(AlertStreamEvents.AlertResolved e) {
        commands.sendAndWait(new ResolveAlert(e.incidentId(), e.alertKey(), e.integrationId(), e.integrationName(),
                e.autoResolve(), e.endedAt(), e.receivedAt()));
    }

    void on(Acknowledged e) {
        commands.sendAndWait(new AcknowledgeFromAlert(e.incidentId(), e.receivedAt()));
    }

    /** Resolved by people: the streams that fed the incident must open a new one for their next alert. */
    void on(IncidentResolved e) {
        streams.of(e.incidentId()).forEach(streamId -> commands.sendAndWait(new EndIncident(streamId, e.incidentId())));
    }

    void on(IncidentClosed e) {
        streams.of(e.incidentId()).forEach(streamId -> commands.sendAndWait(new EndIncident(streamId, e.incidentId())));
    }

    private void attach(String streamId, String incidentId, String integrationId, String integrationName,
            String alertKey, AlertSignal alert, String previousIncidentId, java.time.Instant receivedAt) {
        commands.sendAndWait(new AttachAlert(incidentId, alertKey, integrationId, integrationName, alert.source(),
                alert.dedupKey(), Titles.of(alert), alert.severity(), alert.labels(), alert.annotations(),
                alert.links(), alert.startedAt(), previousIncidentId, receivedAt));
    }
}
