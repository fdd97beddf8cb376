package org.incidentplatform.incident.intake;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import java.util.HashMap;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;
import org.incidentplatform.incident.intake.AlertStreamCommands.EndIncident;
import org.incidentplatform.incident.intake.AlertStreamCommands.ReceiveAlert;
import org.incidentplatform.incident.intake.AlertStreamCommands.ReceiveAlerts;
import org.incidentplatform.incident.intake.AlertStreamCommands.ReceivedAlert;
import org.incidentplatform.incident.intake.AlertStreamEvents.*;
import org.incidentplatform.incident.lifecycle.IncidentOpener;

/**
 * One alert stream: the alerts of one (integration, fingerprint or dedup key), or of one
 * Alertmanager group. It owns the decision "does this alert open an incident?", and because the
 * event store accepts only one event per (stream, sequence number), concurrent copies of an alert
 * on any number of instances cannot both open one.
 */
@Aggregate(cache = "aggregateCache")
class AlertStream {

    @AggregateIdentifier
    private String streamId;
    private String incidentId;
    private String lastIncidentId;
    private final Map<String, AlertState> alerts = new HashMap<>();
    /** How many of {@link #alerts} are firing. */
    private int firing;

    private record AlertState(boolean firing, int fireCount) {
    }

    AlertStream() {
        // Created on the first alert (CREATE_IF_MISSING) and rebuilt from events afterwards.
    }

    /**
     * An incident this alert opens is opened here too ({@code opener}), so its events are stored in
     * the same append as this decision, right after it.
     */
    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    void handle(ReceiveAlert c, IncidentOpener opener) {
        IncidentOpenings openings = new IncidentOpenings();
        receive(c.streamId(), c.integrationId(), c.integrationName(), c.autoResolve(), c.proposedIncidentId(),
                new ReceivedAlert(c.severity(), c.services(), c.signal()), c.receivedAt(), openings);
        openings.openAll(opener);
    }

    /** Alerts that open an incident, and those that join it in the same command, open it together. */
    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    void handle(ReceiveAlerts c, IncidentOpener opener) {
        IncidentOpenings openings = new IncidentOpenings();
        for (ReceivedAlert alert : c.alerts()) {
            receive(c.streamId(), c.integrationId(), c.integrationName(), c.autoResolve(),
                    UUID.randomUUID().toString(), alert, c.receivedAt(), openings);
        }
        openings.openAll(opener);
    }

    private void receive(String commandStreamId, String integrationId, String integrationName, boolean autoResolve,
            String proposedIncidentId, ReceivedAlert received, Instant receivedAt, IncidentOpenings openings) {
        AlertSignal signal = received.signal();
        String alertKey = alertKey(integrationId, signal.dedupKey());
        AlertState state = alerts.get(alertKey);
        switch (signal.action()) {
            case TRIGGER -> {
                if (incidentId == null) {
                    OpenedIncident opened = new OpenedIncident(commandStreamId, proposedIncidentId, lastIncidentId,
                            integrationId, integrationName, received.severity(), received.services(), alertKey, 1,
                            signal, receivedAt, IncidentOpenings.FIRST_ALERT_SEQUENCE);
                    apply(opened);
                    openings.opened(opened);
                } else if (state == null || !state.firing()) {
                    AlertJoined joined = new AlertJoined(streamId, incidentId, integrationId, integrationName,
                            alertKey, state == null ? 1 : state.fireCount() + 1, signal, receivedAt,
                            openings.sequenceForJoin(incidentId, alertKey));
                    apply(joined);
                    openings.joined(joined);
                } else {
                    apply(new AlertRefired(streamId, incidentId, alertKey, state.fireCount() + 1, receivedAt));
                }
            }
            case RESOLVE -> {
                if (incidentId == null || state == null || !state.firing()) {
                    return; // Nothing fires under this key: a resolve for it changes nothing.
                }
                // Counted, not scanned: a group of thousands resolves in one command.
                boolean allResolved = firing == 1;
                apply(new AlertResolved(streamId, incidentId, integrationId, integrationName, alertKey,
                        allResolved, autoResolve, signal.endedAt(), receivedAt));
                if (allResolved && autoResolve) {
                    apply(new IncidentEnded(streamId, incidentId));
                }
            }
            case ACKNOWLEDGE -> {
                if (incidentId != null) {
                    apply(new Acknowledged(streamId, incidentId, integrationName, receivedAt));
                }
            }
        }
    }

    @CommandHandler
    void handle(EndIncident c) {
        if (c.incidentId().equals(incidentId)) {
            apply(new IncidentEnded(streamId, incidentId));
        }
    }

    static String alertKey(String integrationId, String dedupKey) {
        return integrationId + ":" + dedupKey;
    }

    @EventSourcingHandler
    void on(OpenedIncident e) {
        streamId = e.streamId();
        incidentId = e.incidentId();
        alerts.clear();
        firing = 0;
        put(e.alertKey(), new AlertState(true, e.fireCount()));
    }

    @EventSourcingHandler
    void on(AlertJoined e) {
        put(e.alertKey(), new AlertState(true, e.fireCount()));
    }

    @EventSourcingHandler
    void on(AlertRefired e) {
        put(e.alertKey(), new AlertState(true, e.fireCount()));
    }

    @EventSourcingHandler
    void on(AlertResolved e) {
        AlertState state = alerts.get(e.alertKey());
        put(e.alertKey(), new AlertState(false, state == null ? 0 : state.fireCount()));
    }

    @EventSourcingHandler
    void on(IncidentEnded e) {
        lastIncidentId = e.incidentId();
        incidentId = null;
        alerts.clear();
        firing = 0;
    }

    private void put(String alertKey, AlertState state) {
        AlertState previous = alerts.put(alertKey, state);
        firing += (state.firing() ? 1 : 0) - (previous != null && previous.firing() ? 1 : 0);
    }
}
