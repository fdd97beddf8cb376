package org.incidentplatform.report.projection;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.incidentplatform.events.EventTypes;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/** Turns the events kept for a report back into typed facts, in sequence order. */
@Component
public class EventLog {

    private final JsonMapper json;
    private final ReportEvents events;

    EventLog(JsonMapper json, ReportEvents events) {
        this.json = json;
        this.events = events;
    }

    public List<Fact> factsOf(IncidentReport report) {
        return facts(events.of(report.incidentId()));
    }

    /** The facts of many reports in one read, by incident id. */
    public Map<String, List<Fact>> factsOf(List<IncidentReport> reports) {
        Map<String, List<Fact>> facts = new HashMap<>();
        events.of(reports.stream().map(IncidentReport::incidentId).toList())
                .forEach((incidentId, logged) -> facts.put(incidentId, facts(logged)));
        return facts;
    }

    private List<Fact> facts(List<LoggedEvent> logged) {
        return logged.stream()
                .map(this::fact)
                .filter(Objects::nonNull)
                .toList();
    }

    String write(Object payload) {
        return json.writeValueAsString(payload);
    }

    private Fact fact(LoggedEvent logged) {
        // Only known types are ever logged; a type removed from the contract later is skipped.
        return EventTypes.payloadType(logged.type())
                .map(type -> new Fact(logged.sequence(), logged.recordedAt(), json.readValue(logged.payload(), type),
                        logged.actor()))
                .orElse(null);
    }
}
