package org.incidentplatform.consuming;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Instant;
import java.util.Optional;
import org.incidentplatform.events.EventTypes;
import org.incidentplatform.events.IncidentEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Reads structured-mode CloudEvents from the incident topic into {@link ReceivedEvent}s. */
public class IncidentEventReader {

    private static final Logger log = LoggerFactory.getLogger(IncidentEventReader.class);

    private final JsonMapper json;
    private final MeterRegistry meters;

    public IncidentEventReader(JsonMapper json, MeterRegistry meters) {
        this.json = json;
        this.meters = meters;
    }

    /**
     * @throws UnreadableEventException when the value is not a CloudEvent this contract can read
     */
    public ReceivedEvent read(String value) {
        try {
            JsonNode envelope = json.readTree(value);
            String type = required(envelope, "type");
            Optional<Class<? extends IncidentEvent>> payloadType = EventTypes.payloadType(type);
            Optional<IncidentEvent> payload = payloadType.<IncidentEvent>map(t -> json.treeToValue(envelope.required("data"), t));
            if (payload.isEmpty()) {
                countUnknown(type);
            }
            return new ReceivedEvent(
                    required(envelope, "id"),
                    type,
                    required(envelope, "subject"),
                    envelope.required("incidentsequence").asLong(),
                    Instant.parse(required(envelope, "time")),
                    envelope.path("actor").asString(null),
                    envelope.path("correlationid").asString(null),
                    payload);
        } catch (JacksonException | IllegalArgumentException | java.time.format.DateTimeParseException e) {
            throw new UnreadableEventException("Not a readable incident CloudEvent: " + e.getMessage(), e);
        }
    }

    private void countUnknown(String type) {
        log.debug("Skipping event type {} that this consumer does not know", type);
        Counter.builder("incident.events.unknown")
                .description("Incident events skipped because this consumer does not know their type")
                .tag("type", type)
                .register(meters)
                .increment();
    }

    private static String required(JsonNode envelope, String field) {
        JsonNode node = envelope.required(field);
        if (!node.isString() || node.asString().isBlank()) {
            throw new IllegalArgumentException("CloudEvent attribute '" + field + "' must be a non-empty string");
        }
        return node.asString();
    }
}
