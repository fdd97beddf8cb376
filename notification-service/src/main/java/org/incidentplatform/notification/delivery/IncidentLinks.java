package org.incidentplatform.notification.delivery;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import org.incidentplatform.notification.channel.IncidentSnapshot;
import org.incidentplatform.notification.incident.IncidentState;
import org.incidentplatform.notification.incident.IncidentStates;
import org.springframework.stereotype.Component;
import org.springframework.web.util.UriComponentsBuilder;

/** The incident as messages show it: its current state plus links to its timeline and post-mortem. */
@Component
class IncidentLinks {

    private final IncidentStates states;
    private final LinkProperties properties;

    IncidentLinks(IncidentStates states, LinkProperties properties) {
        this.states = states;
        this.properties = properties;
    }

    /** The snapshots of these incidents, read in one query. */
    Map<String, IncidentSnapshot> snapshots(Collection<String> incidentIds) {
        Map<String, IncidentSnapshot> snapshots = new HashMap<>();
        states.findAll(incidentIds).forEach((id, state) -> snapshots.put(id, snapshot(id, state)));
        return snapshots;
    }

    private IncidentSnapshot snapshot(String incidentId, IncidentState s) {
        return new IncidentSnapshot(incidentId, s.title(), s.summary(), s.severity(), s.status(), s.affected(),
                s.commander(), link(properties.timelineBaseUrl(), incidentId, "timeline"),
                link(properties.postmortemBaseUrl(), incidentId, "postmortem"));
    }

    private static String link(String base, String incidentId, String view) {
        return UriComponentsBuilder.fromUriString(base).path("/api/v1/incidents/{id}/" + view)
                .buildAndExpand(incidentId).encode().toUriString();
    }
}
