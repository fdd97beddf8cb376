package org.incidentplatform.incident.intake;

import java.util.List;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStoreException;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.axonframework.messaging.ResultMessage;
import org.axonframework.messaging.correlation.CorrelationDataProvider;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.axonframework.modelling.command.ConcurrencyException;
import org.incidentplatform.events.IncidentClosed;
import org.incidentplatform.events.IncidentResolved;
import org.incidentplatform.incident.eventstore.EventBatchReader;
import org.incidentplatform.incident.integrations.IntegrationRepository;
import org.incidentplatform.incident.intake.AlertStreamCommands.EndIncident;
import org.incidentplatform.incident.intake.AlertStreamCommands.ReceiveAlerts;
import org.incidentplatform.incident.intake.AlertStreamCommands.ReceivedAlert;
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
    /** Tells whether the incidents streams opened in their own append were stored whole. */
    private final EventBatchReader events;

    private final List<CorrelationDataProvider> correlation;

    AlertIncidentLinker(DetachedCommands commands, IncidentAlertStreams streams, IntegrationRepository integrations,
            EventBatchReader events, List<CorrelationDataProvider> correlation) {
        this.commands = commands;
        this.streams = streams;
        this.integrations = integrations;
        this.events = events;
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

    /**
     * Consecutive joins (or resolves) of one incident, from one request, are carried out as one
     * command, so a group of thousands of alerts costs a few appends, not one per alert.
     */
    @Override
    public void relay(List<? extends DomainEventMessage<?>> events) {
        relayAll(List.of(events));
    }

    /**
     * Records which streams feed which incidents for every aggregate with one bulk write first (so
     * that a resolve can always find the streams to end), then carries out each aggregate's decisions.
     */
    @Override
    public void relayAll(List<List<? extends DomainEventMessage<?>>> aggregates) {
        Map<String, Set<String>> feeding = new LinkedHashMap<>();
        for (List<? extends DomainEventMessage<?>> events : aggregates) {
            for (DomainEventMessage<?> event : events) {
                switch (event.getPayload()) {
                    case OpenedIncident e -> feeding.computeIfAbsent(e.incidentId(), id -> new LinkedHashSet<>()).add(e.streamId());
                    case AlertJoined e -> feeding.computeIfAbsent(e.incidentId(), id -> new LinkedHashSet<>()).add(e.streamId());
                    default -> { }
                }
            }
        }
        streams.rememberAll(feeding);
        Set<String> opened = storedWhole(aggregates);
        aggregates.forEach(events -> carryOut(opened.isEmpty() ? events : events.stream()
                .filter(event -> !attachedAtOpen(event, opened)).toList()));
    }

    /**
     * The incidents that streams opened with their alerts in the decision's own append
     * ({@link IncidentOpenings}) and that are stored up to the last alert these events attached:
     * nothing is left to do for those alerts. One query for the whole batch. An incident missing
     * here (an insert that stopped half-way) is opened or completed the old way, idempotently.
     */
    private Set<String> storedWhole(List<List<? extends DomainEventMessage<?>>> aggregates) {
        Map<String, Long> lastAttached = new LinkedHashMap<>();
        for (List<? extends DomainEventMessage<?>> events : aggregates) {
            for (DomainEventMessage<?> event : events) {
                AttachedAtOpen attached = attachedAtOpen(event);
                if (attached != null) {
                    lastAttached.merge(attached.incidentId(), attached.sequence(), Math::max);
                }
            }
        }
        return lastAttached.isEmpty() ? Set.of() : events.stored(lastAttached);
    }

    private static boolean attachedAtOpen(DomainEventMessage<?> event, Set<String> opened) {
        AttachedAtOpen attached = attachedAtOpen(event);
        return attached != null && opened.contains(attached.incidentId());
    }

    /** Where a stream event's alert was attached as its incident opened, in the same append. */
    private record AttachedAtOpen(String incidentId, long sequence) {
    }

    /** @return null for events whose alert the linker attaches (and for any other event) */
    private static AttachedAtOpen attachedAtOpen(DomainEventMessage<?> event) {
        return switch (event.getPayload()) {
            case OpenedIncident e when e.attachedAtSequence() != null ->
                    new AttachedAtOpen(e.incidentId(), e.attachedAtSequence());
            case AlertJoined e when e.attachedAtSequence() != null ->
                    new AttachedAtOpen(e.incidentId(), e.attachedAtSequence());
            default -> null;
        };
    }

    private void carryOut(List<? extends DomainEventMessage<?>> events) {
        for (int i = 0; i < events.size(); ) {
            DomainEventMessage<?> first = events.get(i);
            int end = i + 1;
            while (end < events.size() && sameBatch(first, events.get(end))) {
                end++;
            }
            List<? extends DomainEventMessage<?>> batch = events.subList(i, end);
            Runnable handler = switch (first.getPayload()) {
                case OpenedIncident e -> () -> on(e, payloads(batch.subList(1, batch.size()), AlertJoined.class));
                case AlertJoined e -> () -> onJoined(payloads(batch, AlertJoined.class));
                case AlertStreamEvents.AlertResolved e -> () -> onResolved(
                        payloads(batch, AlertStreamEvents.AlertResolved.class));
                case Acknowledged e -> () -> on(e);
                case IncidentResolved e -> () -> on(e);
                case IncidentClosed e -> () -> on(e);
                default -> null;
            };
            if (handler != null) {
                inUnitOfWorkOf(first, handler);
            }
            i = end;
        }
    }

    /** Whether {@code next} joins (or resolves alerts of) the same incident as {@code first}, from the same request. */
    private static boolean sameBatch(DomainEventMessage<?> first, DomainEventMessage<?> next) {
        if (!first.getMetaData().equals(next.getMetaData())) {
            return false; // Each command carries one request's correlation data.
        }
        return switch (first.getPayload()) {
            case OpenedIncident o -> next.getPayload() instanceof AlertJoined j && j.incidentId().equals(o.incidentId());
            case AlertJoined a -> next.getPayload() instanceof AlertJoined j && j.incidentId().equals(a.incidentId());
            case AlertStreamEvents.AlertResolved r -> next.getPayload() instanceof AlertStreamEvents.AlertResolved n
                    && n.incidentId().equals(r.incidentId()) && !r.allResolved();
            default -> false;
        };
    }

    private static <T> List<T> payloads(List<? extends DomainEventMessage<?>> events, Class<T> type) {
        return events.stream().map(event -> type.cast(event.getPayload())).toList();
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

    /**
     * Opens the incident with its first alerts in one command: for decisions stored before streams
     * opened their incidents themselves, and for an incident whose append stopped half-way. A
     * redelivered decision finds the incident there already; the alerts are then attached, which
     * is idempotent.
     */
    void on(OpenedIncident e, List<AlertJoined> joined) {
        OpenIncidentWithAlerts open = IncidentOpenings.command(e, joined);
        try {
            commands.sendAndWait(open);
            return;
        } catch (AggregateStreamCreationException | ConcurrencyException | EventStoreException alreadyOpened) {
            // A redelivered decision: the incident exists.
        }
        send(e.incidentId(), open.alerts());
    }

    void onJoined(List<AlertJoined> joined) {
        AlertJoined first = joined.get(0);
        try {
            send(first.incidentId(), joined.stream().map(IncidentOpenings::attachment).toList());
        } catch (IllegalTransitionException incidentAlreadyOver) {
            // People resolved the incident before the stream heard of it: end it there and let the
            // stream open a new incident for these alerts.
            commands.sendAndWait(new EndIncident(first.streamId(), first.incidentId()));
            integrations.find(first.integrationId()).ifPresent(integration -> commands.sendAndWait(new ReceiveAlerts(
                    first.streamId(), integration.id(), integration.name(), integration.autoResolve(),
                    joined.stream().map(j -> new ReceivedAlert(integration.severityFor(j.signal().severity()),
                            List.<String>of(), j.signal())).toList(), first.receivedAt())));
        }
    }

    void onResolved(List<AlertStreamEvents.AlertResolved> resolved) {
        List<ResolveAlert> commandsOf = resolved.stream().map(e -> new ResolveAlert(e.incidentId(), e.alertKey(),
                e.integrationId(), e.integrationName(), e.autoResolve(), e.endedAt(), e.receivedAt())).toList();
        commands.sendAndWait(commandsOf.size() == 1 ? commandsOf.get(0)
                : new ResolveAlerts(resolved.get(0).incidentId(), commandsOf, resolved.get(resolved.size() - 1).receivedAt()));
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

    private void send(String incidentId, List<AttachAlert> attach) {
        commands.sendAndWait(attach.size() == 1 ? attach.get(0)
                : new AttachAlerts(incidentId, attach, attach.get(attach.size() - 1).occurredAt()));
    }
}
