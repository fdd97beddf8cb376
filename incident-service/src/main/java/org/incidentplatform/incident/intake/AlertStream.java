package org.incidentplatform.incident.intake;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import java.util.HashMap;
import java.util.Map;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;
import org.incidentplatform.incident.intake.AlertStreamCommands.EndIncident;
import org.incidentplatform.incident.intake.AlertStreamCommands.ReceiveAlert;
import org.incidentplatform.incident.intake.AlertStreamEvents.*;

/**
 * One alert stream: the alerts of one (integration, fingerprint or dedup key), or of one
 * Alertmanager group. It owns the decision "does this alert open an incident?", and because the
 * event store accepts only one event per (stream, sequence number), concurrent copies of an alert
 * on any number of instances cannot both open one.
 */
@Aggregate
class AlertStream {

    @AggregateIdentifier
    private String streamId;
    private String incidentId;
    private String lastIncidentId;
    private final Map<String, AlertState> alerts = new HashMap<>();

    private record AlertState(boolean firing, int fireCount) {
    }

    AlertStream() {
        // Created on the first alert (CREATE_IF_MISSING) and rebuilt from events afterwards.
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    void handle(ReceiveAlert c) {
        String alertKey = alertKey(c.integrationId(), c.signal().dedupKey());
        AlertState state = alerts.get(alertKey);
        switch (c.signal().action()) {
            case TRIGGER -> {
                if (incidentId == null) {
                    apply(new OpenedIncident(c.streamId(), c.proposedIncidentId(), lastIncidentId, c.integrationId(),
                            c.integrationName(), c.severity(), c.services(), alertKey, 1, c.signal(), c.receivedAt()));
                } else if (state == null || !state.firing()) {
                    apply(new AlertJoined(streamId, incidentId, c.integrationId(), c.integrationName(), alertKey,
                            state == null ? 1 : state.fireCount() + 1, c.signal(), c.receivedAt()));
                } else {
                    apply(new AlertRefired(streamId, incidentId, alertKey, state.fireCount() + 1, c.receivedAt()));
                }
            }
            case RESOLVE -> {
                if (incidentId == null || state == null || !state.firing()) {
                    return; // Nothing fires under this key: a resolve for it changes nothing.
                }
                boolean allResolved = alerts.entrySet().stream()
                        .noneMatch(e -> !e.getKey().equals(alertKey) && e.getValue().firing());
                apply(new AlertResolved(streamId, incidentId, c.integrationId(), c.integrationName(), alertKey,
                        allResolved, c.autoResolve(), c.signal().endedAt(), c.receivedAt()));
                if (allResolved && c.autoResolve()) {
                    apply(new IncidentEnded(streamId, incidentId));
                }
            }
            case ACKNOWLEDGE -> {
                if (incidentId != null) {
                    apply(new Acknowledged(streamId, incidentId, c.integrationName(), c.receivedAt()));
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
        alerts.put(e.alertKey(), new AlertState(true, e.fireCount()));
    }

    @EventSourcingHandler
    void on(AlertJoined e) {
        alerts.put(e.alertKey(), new AlertState(true, e.fireCount()));
    }

    @EventSourcingHandler
    void on(AlertRefired e) {
        alerts.put(e.alertKey(), new AlertState(true, e.fireCount()));
    }

    @EventSourcingHandler
    void on(AlertResolved e) {
        AlertState state = alerts.get(e.alertKey());
        alerts.put(e.alertKey(), new AlertState(false, state == null ? 0 : state.fireCount()));
    }

    @EventSourcingHandler
    void on(IncidentEnded e) {
        lastIncidentId = e.incidentId();
        incidentId = null;
        alerts.clear();
    }
}
