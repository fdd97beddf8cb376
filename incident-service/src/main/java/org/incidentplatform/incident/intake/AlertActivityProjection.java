package org.incidentplatform.incident.intake;

import java.util.ArrayList;
import java.util.List;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.incidentplatform.incident.batching.CommitBatch;
import org.incidentplatform.incident.intake.AlertStreamEvents.*;
import org.incidentplatform.incident.relay.RelaySink;
import org.incidentplatform.incident.view.AlertActivity;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Records fire counts as the streams count them. A subscribing processor, so a 202 is already
 * counted; and a sink of the event relay, so a count whose first write was lost (MongoDB went away
 * after the stream's event was stored) is recorded shortly after. Every write is a {@code $max},
 * so repeating one changes nothing.
 */
@Component
@ProcessingGroup("alert-activity")
@Order(20)
class AlertActivityProjection implements RelaySink {

    private final AlertActivity activity;
    /**
     * The subscribing path: one bulk write per command, however many alerts it stored, and one for
     * all commands that commit while it is being written.
     */
    private final CommitBatch batch;

    AlertActivityProjection(AlertActivity activity) {
        this.activity = activity;
        this.batch = CommitBatch.groupedAcrossUnits("alert-activity", this::relay);
    }

    @EventHandler
    void on(OpenedIncident e, EventMessage<?> message) {
        add(message);
    }

    @EventHandler
    void on(AlertJoined e, EventMessage<?> message) {
        add(message);
    }

    @EventHandler
    void on(AlertRefired e, EventMessage<?> message) {
        add(message);
    }

    private void add(EventMessage<?> message) {
        if (message instanceof DomainEventMessage<?> stored) {
            batch.add(stored);
        }
    }

    @Override
    public boolean handles(String aggregateType) {
        return "AlertStream".equals(aggregateType);
    }

    @Override
    public String name() {
        return "alert-activity";
    }

    @Override
    public void relay(List<? extends DomainEventMessage<?>> events) {
        relayAll(List.of(events));
    }

    /** Every stream's sightings in one bulk write. */
    @Override
    public void relayAll(List<List<? extends DomainEventMessage<?>>> streams) {
        List<AlertActivity.Sighting> sightings = new ArrayList<>();
        for (DomainEventMessage<?> event : streams.stream().<DomainEventMessage<?>>flatMap(List::stream).toList()) {
            switch (event.getPayload()) {
                case OpenedIncident e -> sightings.add(new AlertActivity.Sighting(e.incidentId(), e.alertKey(),
                        e.fireCount(), e.receivedAt()));
                case AlertJoined e -> sightings.add(new AlertActivity.Sighting(e.incidentId(), e.alertKey(),
                        e.fireCount(), e.receivedAt()));
                case AlertRefired e -> sightings.add(new AlertActivity.Sighting(e.incidentId(), e.alertKey(),
                        e.fireCount(), e.receivedAt()));
                default -> { }
            }
        }
        activity.recordAll(sightings);
    }
}
