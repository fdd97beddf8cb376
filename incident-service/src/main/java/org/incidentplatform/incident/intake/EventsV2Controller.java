package org.incidentplatform.incident.intake;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.incidentplatform.events.AlertAttached;
import org.incidentplatform.incident.integrations.Integration;
import org.incidentplatform.incident.integrations.IntegrationRepository;
import org.incidentplatform.incident.integrations.IntegrationType;
import org.incidentplatform.incident.web.RequestOrigin;
import org.incidentplatform.strictjson.BodyProblems;
import org.incidentplatform.strictjson.UntrustedInput;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * PagerDuty Events API v2 compatible intake, at our path and at PagerDuty's own {@code /v2/enqueue}
 * so a sender only changes the host. Responses use that API's shapes, not problem details,
 * because that is what these senders parse.
 */
@RestController
@Tag(name = "Alert intake")
class EventsV2Controller {

    private final IntegrationRepository integrations;
    private final AlertAcceptance acceptance;
    private final JsonMapper json;

    EventsV2Controller(IntegrationRepository integrations, AlertAcceptance acceptance, JsonMapper json) {
        this.integrations = integrations;
        this.acceptance = acceptance;
        this.json = json;
    }

    @Schema(example = "{\"status\": \"success\", \"message\": \"Event processed\", \"dedup_key\": \"srv01/HTTP\"}")
    @com.fasterxml.jackson.annotation.JsonInclude(com.fasterxml.jackson.annotation.JsonInclude.Include.NON_NULL)
    record Response(String status, String message, @com.fasterxml.jackson.annotation.JsonProperty("dedup_key") String dedupKey,
            List<String> errors) {
    }

    @PostMapping(path = {"/api/v1/events/enqueue", "/v2/enqueue"}, consumes = MediaType.ALL_VALUE)
    @Operation(summary = "Events API v2: trigger, acknowledge or resolve", description = "202 {status: success, "
            + "message: Event processed, dedup_key}; 400 {status: invalid event, message, errors}; 404 for an unknown routing_key.")
    ResponseEntity<Response> enqueue(@RequestBody(required = false) String body, HttpServletRequest request) {
        EventsV2Event event;
        try {
            event = body == null || body.isBlank() ? null
                    : UntrustedInput.reader(json, EventsV2Event.class).readValue(body);
        } catch (JacksonException e) {
            return invalid("Event object is invalid", List.of("Body is not a valid Events API v2 JSON object: "
                    + BodyProblems.explain(e)));
        }
        if (event == null) {
            return invalid("Event object is invalid", List.of("Body is empty"));
        }
        List<String> errors = EventsV2Validation.errorsOf(event);
        if (!errors.isEmpty()) {
            return invalid("Event object is invalid", errors);
        }
        Integration integration = integrations.findEnabledByKey(event.routingKey())
                .filter(found -> found.type() == IntegrationType.EVENTS_V2)
                .orElse(null);
        if (integration == null) {
            return ResponseEntity.status(HttpStatus.NOT_FOUND).body(new Response("invalid event",
                    "Unknown routing_key", null, List.of("'routing_key' does not belong to an enabled Events API integration")));
        }
        String dedupKey = event.dedupKey() != null && !event.dedupKey().isBlank() ? event.dedupKey() : UUID.randomUUID().toString();
        acceptance.accept(integration, List.of(signalOf(event, dedupKey)), RequestOrigin.of(request));
        return ResponseEntity.status(HttpStatus.ACCEPTED).body(new Response("success", "Event processed", dedupKey, null));
    }

    private static AlertSignal signalOf(EventsV2Event event, String dedupKey) {
        var payload = event.payload();
        Map<String, String> labels = new LinkedHashMap<>();
        Map<String, String> annotations = new LinkedHashMap<>();
        Instant startedAt = null;
        if (payload != null) {
            put(labels, "source", payload.source());
            put(labels, "component", payload.component());
            put(labels, "group", payload.group());
            put(labels, "class", payload.eventClass());
            put(labels, "severity", payload.severity());
            if (payload.customDetails() != null) {
                annotations.put("custom_details", String.valueOf(payload.customDetails()));
            }
            startedAt = payload.timestamp() == null ? null : OffsetDateTime.parse(payload.timestamp()).toInstant();
        }
        List<AlertAttached.Link> links = event.links() == null ? List.of() : event.links().stream()
                .map(link -> new AlertAttached.Link(link.href(), link.text())).toList();
        AlertSignal.Action action = switch (event.eventAction()) {
            case "trigger" -> AlertSignal.Action.TRIGGER;
            case "acknowledge" -> AlertSignal.Action.ACKNOWLEDGE;
            default -> AlertSignal.Action.RESOLVE;
        };
        return new AlertSignal(action, dedupKey, null, payload == null ? null : payload.summary(),
                payload == null ? null : payload.severity(), labels, annotations, links, startedAt,
                action == AlertSignal.Action.RESOLVE ? Instant.now() : null, "events-v2");
    }

    private static void put(Map<String, String> labels, String name, String value) {
        if (value != null && !value.isBlank()) {
            labels.put(name, value);
        }
    }

    private static ResponseEntity<Response> invalid(String message, List<String> errors) {
        return ResponseEntity.badRequest().body(new Response("invalid event", message, null, errors));
    }
}
