package org.incidentplatform.incident.intake;

import java.util.List;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventHandler;
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

    AlertActivityProjection(AlertActivity activity) {
        this.activity = activity;
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
        for (DomainEventMessage<?> event : events) {
            switch (event.getPayload()) {
                case OpenedIncident e -> on(e);
                case AlertJoined e -> on(e);
                case AlertRefired e -> on(e);
                default -> { }
            }
        }
    }

    @EventHandler
    void on(OpenedIncident e) {
        activity.record(e.incidentId(), e.alertKey(), e.fireCount(), e.receivedAt());
    }

    @EventHandler
    void on(AlertJoined e) {
        activity.record(e.incidentId(), e.alertKey(), e.fireCount(), e.receivedAt());
    }

    @EventHandler
    void on(AlertRefired e) {
        activity.record(e.incidentId(), e.alertKey(), e.fireCount(), e.receivedAt());
    }
}
