package org.incidentplatform.incident.summary;

import java.time.Instant;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventhandling.Timestamp;
import org.incidentplatform.events.IncidentOpened;
import org.incidentplatform.incident.lifecycle.IncidentStatus;
import org.springframework.stereotype.Component;

/** Keeps {@link IncidentSummary} up to date; configured as a subscribing processor. */
@Component
@ProcessingGroup(IncidentSummaryProjection.PROCESSING_GROUP)
class IncidentSummaryProjection {

    static final String PROCESSING_GROUP = "incident-summary";

    private final IncidentSummaryRepository summaries;

    IncidentSummaryProjection(IncidentSummaryRepository summaries) {
        this.summaries = summaries;
    }

    @EventHandler
    void on(IncidentOpened event, @SequenceNumber long sequence, @Timestamp Instant recordedAt) {
        summaries.save(new IncidentSummary(event.incidentId(), event.title(), event.summary(),
                event.severity(), IncidentStatus.TRIGGERED, event.services(), event.occurredAt(),
                recordedAt, sequence));
    }
}
