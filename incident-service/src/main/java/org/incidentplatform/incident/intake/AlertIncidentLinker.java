package org.incidentplatform.incident.intake;

import java.util.List;
import java.util.UUID;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventsourcing.eventstore.EventStoreException;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.incidentplatform.events.IncidentClosed;
import org.incidentplatform.events.IncidentResolved;
import org.incidentplatform.incident.integrations.IntegrationRepository;
import org.incidentplatform.incident.intake.AlertStreamCommands.EndIncident;
import org.incidentplatform.incident.intake.AlertStreamCommands.ReceiveAlert;
import org.incidentplatform.incident.intake.AlertStreamEvents.*;
import org.incidentplatform.incident.lifecycle.IllegalTransitionException;
import org.incidentplatform.incident.lifecycle.IncidentCommand.*;
import org.springframework.stereotype.Component;

/**
 * Turns alert-stream decisions into incident changes. Runs in a streaming processor whose token
 * is in MongoDB and whose failures propagate, so every decision is carried out at least once;
 * each command here is idempotent, so "more than once" changes nothing. Commands inherit the
 * stream event's actor (the integration) and correlation id.
 */
@Component
@ProcessingGroup(AlertIncidentLinker.PROCESSING_GROUP)
class AlertIncidentLinker {

    static final String PROCESSING_GROUP = "alert-incident-linker";

    /** Each command in a unit of work of its own, so its events are stored (and stamped) at once. */
    private final DetachedCommands commands;
    private final IncidentAlertStreams streams;
    private final IntegrationRepository integrations;

    AlertIncidentLinker(DetachedCommands commands, IncidentAlertStreams streams, IntegrationRepository integrations) {
        this.commands = commands;
        this.streams = streams;
        this.integrations = integrations;
    }

    @EventHandler
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

    @EventHandler
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

    @EventHandler
    void on(AlertStreamEvents.AlertResolved e) {
        commands.sendAndWait(new ResolveAlert(e.incidentId(), e.alertKey(), e.integrationId(), e.integrationName(),
                e.autoResolve(), e.endedAt(), e.receivedAt()));
    }

    @EventHandler
    void on(Acknowledged e) {
        commands.sendAndWait(new AcknowledgeFromAlert(e.incidentId(), e.receivedAt()));
    }

    /** Resolved by people: the streams that fed the incident must open a new one for their next alert. */
    @EventHandler
    void on(IncidentResolved e) {
        streams.of(e.incidentId()).forEach(streamId -> commands.sendAndWait(new EndIncident(streamId, e.incidentId())));
    }

    @EventHandler
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
