package org.incidentplatform.incident.view;

import java.time.Instant;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventhandling.Timestamp;
import org.incidentplatform.events.IncidentEvent;
import org.incidentplatform.events.IncidentOpened;
import org.springframework.stereotype.Component;

/** Keeps one {@link IncidentView} per incident; runs as a subscribing processor (see application.yml). */
@Component
@ProcessingGroup("incident-view")
class IncidentViewProjection {

    private final IncidentViewRepository views;

    IncidentViewProjection(IncidentViewRepository views) {
        this.views = views;
    }

    @EventHandler
    void on(IncidentEvent event, @SequenceNumber long sequence, @Timestamp Instant recordedAt) {
        IncidentView view = event instanceof IncidentOpened
                ? new IncidentView()
                : views.find(event.incidentId()).orElseGet(IncidentView::new);
        if (sequence <= view.version) {
            return; // Already applied: replays and redeliveries change nothing.
        }
        views.save(IncidentFold.apply(view, event, sequence, recordedAt));
    }
}
