package org.incidentplatform.incident.intake;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.incidentplatform.incident.intake.AlertStreamEvents.*;
import org.incidentplatform.incident.view.AlertActivity;
import org.springframework.stereotype.Component;

/** Records fire counts as the streams count them; a subscribing processor, so a 202 is already counted. */
@Component
@ProcessingGroup("alert-activity")
class AlertActivityProjection {

    private final AlertActivity activity;

    AlertActivityProjection(AlertActivity activity) {
        this.activity = activity;
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
