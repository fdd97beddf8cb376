package org.incidentplatform.deadletters;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.apache.kafka.common.KafkaException;
import org.incidentplatform.consuming.IncidentEventsConsumerAutoConfiguration;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.listener.MessageListenerContainer;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /api/v1/admin/dead-letters}: admin scope, by the shared rule for /api/v1/admin/**. */
@RestController
public class DeadLettersController {

    static final String PATH = "/api/v1/admin/dead-letters";
    static final int MAX_LIMIT = 500;

    private final DeadLetterTopics topics;
    private final KafkaListenerEndpointRegistry listeners;

    public DeadLettersController(DeadLetterTopics topics, KafkaListenerEndpointRegistry listeners) {
        this.topics = topics;
        this.listeners = listeners;
    }

    /**
     * @param consumerGroups the groups of this service's listeners, whose dead letters are listed
     * @param topics         the dead-letter topics read
     * @param deadLetters    newest first
     */
    public record DeadLetters(Set<String> consumerGroups, Set<String> topics, List<DeadLetter> deadLetters) {
    }

    @Operation(summary = "List the records this service's consumers parked on a dead-letter topic",
            description = "Newest first. Reads the `.dlt` topic of every topic this service consumes and keeps the "
                    + "records dead-lettered by this service's consumer groups (the topic is shared by all consumers). "
                    + "A record is dead-lettered when it cannot be read at all (not a CloudEvent), or when applying it "
                    + "failed the same way three times (a document too large, a validation error, a bug; outages are "
                    + "retried instead); the partition moves on and `incident_events_deadlettered_total{reason}` counts "
                    + "it. To replay after a fix: the original is still on the source topic, and a projection rebuild "
                    + "reads it again in order.")
    @ApiResponse(responseCode = "200", description = "The dead letters", content = @Content(
            mediaType = "application/json", schema = @Schema(implementation = DeadLetters.class),
            examples = @ExampleObject(value = DEAD_LETTERS_EXAMPLE)))
    @ApiResponse(responseCode = "400", description = "limit outside 1-500", content = @Content(
            mediaType = "application/problem+json", schema = @Schema(ref = "#/components/schemas/ProblemDetail"),
            examples = @ExampleObject(value = BAD_LIMIT_EXAMPLE)))
    @GetMapping(PATH)
    ResponseEntity<?> list(@Parameter(description = "How many to list, 1-500") @RequestParam(defaultValue = "100") String limit) {
        Integer count = parse(limit);
        if (count == null || count < 1 || count > MAX_LIMIT) {
            return problem(HttpStatus.BAD_REQUEST, "Invalid parameter",
                    "limit must be a whole number from 1 to " + MAX_LIMIT + ".");
        }
        Set<String> groups = new TreeSet<>();
        Set<String> deadLetterTopics = new TreeSet<>();
        for (MessageListenerContainer container : listeners.getListenerContainers()) {
            if (container.getGroupId() != null) {
                groups.add(container.getGroupId());
            }
            String[] consumed = container.getContainerProperties().getTopics();
            for (String topic : consumed == null ? new String[0] : consumed) {
                deadLetterTopics.add(topic + IncidentEventsConsumerAutoConfiguration.DEAD_LETTER_SUFFIX);
            }
        }
        try {
            return ResponseEntity.ok(new DeadLetters(groups, deadLetterTopics,
                    topics.newest(new HashSet<>(deadLetterTopics), groups, count)));
        } catch (KafkaException unreachable) {
            return problem(HttpStatus.SERVICE_UNAVAILABLE, "Kafka unavailable",
                    "The dead-letter topics cannot be read right now (" + unreachable.getClass().getSimpleName() + ").");
        }
    }

    private static Integer parse(String limit) {
        try {
            return Integer.valueOf(limit.strip());
        } catch (NumberFormatException notANumber) {
            return null;
        }
    }

    private static ResponseEntity<ProblemDetail> problem(HttpStatus status, String title, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setTitle(title);
        var response = ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON);
        return status == HttpStatus.SERVICE_UNAVAILABLE ? response.header("Retry-After", "5").body(problem)
                : response.body(problem);
    }

    static final String DEAD_LETTERS_EXAMPLE = """
            {"consumerGroups": ["timeline-service"],
             "topics": ["incident-events.v1.dlt", "notification-deliveries.v1.dlt"],
             "deadLetters": [{
               "id": "incident-events.v1.dlt/0/12",
               "originalTopic": "incident-events.v1", "originalPartition": 2, "originalOffset": 4711,
               "consumerGroup": "timeline-service", "key": "inc-7f3a",
               "exceptionClass": "org.incidentplatform.consuming.UnreadableEventException",
               "exceptionMessage": "Listener method 'void org.incidentplatform.timeline.entries.IncidentEventsListener.on(...)' threw exception; Not a readable incident CloudEvent: Unexpected character ('n' (code 110))",
               "deadLetteredAt": "2026-11-21T16:02:11.204Z", "originallyAt": "2026-11-21T16:02:11.101Z",
               "value": "{not a cloud event", "valueBytes": 18, "valueTruncated": false}]}
            """;

    static final String BAD_LIMIT_EXAMPLE = """
            {"type": "about:blank", "title": "Invalid parameter", "status": 400,
             "detail": "limit must be a whole number from 1 to 500.", "instance": "/api/v1/admin/dead-letters"}
            """;
}
