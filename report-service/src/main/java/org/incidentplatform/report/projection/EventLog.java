package org.incidentplatform.report.projection;

import java.util.List;
import java.util.Objects;
import org.incidentplatform.events.EventTypes;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/** Turns the events kept in a report back into typed facts, in sequence order. */
@Component
public class EventLog {

    private final JsonMapper json;

    EventLog(JsonMapper json) {
        this.json = json;
    }

    public List<Fact> factsOf(IncidentReport report) {
        return report.events().stream()
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
                .map(type -> new Fact(logged.sequence(), logged.recordedAt(), json.readValue(logged.payload(), type)))
                .orElse(null);
    }
}
