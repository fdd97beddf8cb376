package org.incidentplatform.incident.view;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.axonframework.eventhandling.DomainEventMessage;
import org.incidentplatform.incident.relay.RelaySink;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Keeps {@link IncidentAlerts} up to date: a sink of the event relay, so every attach and resolve
 * reaches it at least once and in order, one bulk write per batch of an incident's events. It is
 * not written in the command's unit of work: an alert page may trail the incident by the relay's
 * lag (milliseconds when idle), while the incident itself reads its own writes.
 */
@Component
@Order(15)
class IncidentAlertsProjection implements RelaySink {

    private final IncidentAlerts alerts;
    private volatile boolean indexed;

    IncidentAlertsProjection(IncidentAlerts alerts) {
        this.alerts = alerts;
    }

    @Override
    public boolean handles(String aggregateType) {
        return "Incident".equals(aggregateType);
    }

    @Override
    public String name() {
        return "incident-alerts";
    }

    @Override
    public void relay(List<? extends DomainEventMessage<?>> events) {
        relayAll(List.of(events));
    }

    /** Every incident's alert changes in one bulk write. */
    @Override
    public void relayAll(List<List<? extends DomainEventMessage<?>>> incidents) {
        if (!indexed) {
            alerts.ensureIndex();
            indexed = true;
        }
        Map<String, List<IncidentAlerts.Applied>> applied = new LinkedHashMap<>();
        for (List<? extends DomainEventMessage<?>> events : incidents) {
            applied.computeIfAbsent(events.getFirst().getAggregateIdentifier(), id -> new ArrayList<>())
                    .addAll(events.stream().map(event -> new IncidentAlerts.Applied(event.getPayload(),
                            event.getSequenceNumber())).toList());
        }
        alerts.applyAll(applied);
    }
}
