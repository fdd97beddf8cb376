package org.incidentplatform.notification.incident;

import org.incidentplatform.events.CommanderAssigned;
import org.incidentplatform.events.ComponentImpact;
import org.incidentplatform.events.ImpactAssessed;
import org.incidentplatform.events.IncidentAcknowledged;
import org.incidentplatform.events.IncidentClosed;
import org.incidentplatform.events.IncidentEvent;
import org.incidentplatform.events.IncidentOpened;
import org.incidentplatform.events.IncidentReopened;
import org.incidentplatform.events.IncidentResolved;
import org.incidentplatform.events.IncidentStatus;
import org.incidentplatform.events.SeverityChanged;
import org.incidentplatform.events.StatusUpdated;

/** Applies one event to the state, as incident-service's own fold does for the fields kept here. */
final class IncidentStateFold {

    private IncidentStateFold() {
    }

    static IncidentState apply(IncidentState s, IncidentEvent event, long sequence) {
        return switch (event) {
            case IncidentOpened e -> new IncidentState(s.id(), sequence, e.title(), e.summary(), e.severity().name(),
                    IncidentStatus.TRIGGERED.name(), e.services(), s.components(), e.commander());
            case IncidentAcknowledged e -> withStatus(s, sequence, IncidentStatus.ACKNOWLEDGED);
            case StatusUpdated e -> withStatus(s, sequence, e.status().asIncidentStatus());
            case IncidentResolved e -> withStatus(s, sequence, IncidentStatus.RESOLVED);
            case IncidentReopened e -> withStatus(s, sequence, IncidentStatus.INVESTIGATING);
            case IncidentClosed e -> withStatus(s, sequence, IncidentStatus.CLOSED);
            case SeverityChanged e -> new IncidentState(s.id(), sequence, s.title(), s.summary(), e.severity().name(),
                    s.status(), s.services(), s.components(), s.commander());
            case CommanderAssigned e -> new IncidentState(s.id(), sequence, s.title(), s.summary(), s.severity(),
                    s.status(), s.services(), s.components(), e.commander());
            case ImpactAssessed e -> new IncidentState(s.id(), sequence, s.title(), s.summary(), s.severity(),
                    s.status(), s.services(), e.components().stream().map(ComponentImpact::component).toList(),
                    s.commander());
            default -> new IncidentState(s.id(), sequence, s.title(), s.summary(), s.severity(), s.status(),
                    s.services(), s.components(), s.commander());
        };
    }

    private static IncidentState withStatus(IncidentState s, long sequence, IncidentStatus status) {
        return new IncidentState(s.id(), sequence, s.title(), s.summary(), s.severity(), status.name(),
                s.services(), s.components(), s.commander());
    }
}
