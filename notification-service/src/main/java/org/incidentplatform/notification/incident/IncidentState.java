package org.incidentplatform.notification.incident;

import java.util.List;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * What routing and messages need to know about an incident that not every event carries:
 * severity, services and components, status. Folded from the incident's events.
 *
 * @param id           the incident id
 * @param lastSequence the highest incident sequence folded in; older or repeated events are not folded again
 */
@Document("incident_states")
public record IncidentState(
        @Id String id,
        long lastSequence,
        String title,
        String summary,
        String severity,
        String status,
        List<String> services,
        List<String> components,
        String commander) {

    public IncidentState {
        services = services == null ? List.of() : List.copyOf(services);
        components = components == null ? List.of() : List.copyOf(components);
    }

    static IncidentState unknown(String incidentId) {
        return new IncidentState(incidentId, -1, null, null, null, null, List.of(), List.of(), null);
    }

    /** Services and components together: what a rule's {@code services} matches against. */
    public List<String> affected() {
        return java.util.stream.Stream.concat(services.stream(), components.stream()).distinct().toList();
    }
}
