package org.incidentplatform.consuming;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import org.incidentplatform.events.DeliveryEvent;
import org.incidentplatform.events.DeliveryEventTypes;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads structured-mode CloudEvents from the delivery topic. Unknown types are counted as
 * {@code delivery.events.unknown} and come back without a payload; anything that is not a
 * readable CloudEvent throws {@link UnreadableEventException}, which the shared error handler
 * dead-letters at once.
 */
public class DeliveryEventReader {

    private final JsonMapper json;
    private final MeterRegistry meters;

    public DeliveryEventReader(JsonMapper json, MeterRegistry meters) {
        this.json = json;
        this.meters = meters;
    }

    public ReceivedDelivery read(String value) {
        try {
            JsonNode envelope = json.readTree(value);
            String type = required(envelope, "type");
            JsonNode data = envelope.required("data");
            if (!data.isObject()) {
                throw new IllegalArgumentException("CloudEvent data must be an object");
            }
            Optional<DeliveryEvent> payload = DeliveryEventTypes.payloadType(type)
                    .map(t -> (DeliveryEvent) json.treeToValue(data, t));
            if (payload.isEmpty()) {
                Counter.builder("delivery.events.unknown")
                        .description("Delivery events skipped because this consumer does not know their type")
                        .tag("type", type)
                        .register(meters)
                        .increment();
            }
            return new ReceivedDelivery(required(envelope, "id"), type, required(envelope, "subject"),
                    envelope.required("incidentsequence").asLong(), Instant.parse(required(envelope, "time")),
                    envelope.path("actor").asString(null), payload);
        } catch (JacksonException | IllegalArgumentException | DateTimeParseException e) {
            throw new UnreadableEventException("Not a readable delivery CloudEvent: " + e.getMessage(), e);
        }
    }

    private static String required(JsonNode envelope, String field) {
        JsonNode node = envelope.required(field);
        if (!node.isString() || node.asString().isBlank()) {
            throw new IllegalArgumentException("CloudEvent attribute '" + field + "' must be a non-empty string");
        }
        return node.asString();
    }
}
