package org.incidentplatform.incident.web;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.parameters.HeaderParameter;
import io.swagger.v3.oas.models.responses.ApiResponse;
import java.util.Map;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Documents what every endpoint shares, so no endpoint can forget it: the problem-detail error
 * responses with examples, the Idempotency-Key and If-Match headers on writes, and an example of
 * the incident that successful calls return.
 */
@Configuration(proxyBeanMethods = false)
class OpenApiConfiguration {

    @Bean
    OpenAPI incidentApi() {
        return new OpenAPI().info(new Info().title("Incident Platform: incident-service")
                        .version("v1")
                        .description("The write side of the incident platform: open and run incidents, "
                                + "record their post-mortems, read their audit history. Errors are RFC 9457 problem details."))
                .components(new Components().addSchemas("ProblemDetail", new Schema<>().type("object")
                        .description("RFC 9457 problem details; some problems add properties such as errors or currentStatus.")
                        .addProperty("type", new Schema<String>().type("string"))
                        .addProperty("title", new Schema<String>().type("string"))
                        .addProperty("status", new Schema<Integer>().type("integer"))
                        .addProperty("detail", new Schema<String>().type("string"))
                        .addProperty("instance", new Schema<String>().type("string"))));
    }

    @Bean
    OpenApiCustomizer sharedResponsesAndHeaders() {
        return api -> api.getPaths().forEach((path, item) -> item.readOperationsMap().forEach((method, operation) -> {
            boolean write = method != PathItem.HttpMethod.GET;
            boolean oneIncident = path.contains("{incidentId}");
            if (write) {
                operation.addParametersItem(new HeaderParameter().name("Idempotency-Key").required(false)
                        .description("Repeat a write safely: the same key returns the original response and stores nothing new.")
                        .schema(new Schema<String>().type("string").maxLength(255)).example("3f1b2c4d-retry-1"));
                addProblem(operation, "400", "Invalid request", "The request has 1 invalid field(s).",
                        Map.of("errors", java.util.List.of(Map.of("field", "title", "message", "must not be blank"))));
                addProblem(operation, "422", "Idempotency-Key reused",
                        "This Idempotency-Key was already used for a different request.", Map.of());
            }
            if (write && oneIncident) {
                operation.addParametersItem(new HeaderParameter().name("If-Match").required(false)
                        .description("The ETag you last read; the write is refused with 412 if the incident changed since.")
                        .schema(new Schema<String>().type("string")).example("\"4\""));
                addProblem(operation, "409", "Not allowed in the current status",
                        "Only a triggered incident can be acknowledged (it is RESOLVED)",
                        Map.of("currentStatus", "RESOLVED", "action", "ACKNOWLEDGE",
                                "allowedActions", java.util.List.of("REOPEN", "CLOSE", "ADD_NOTE")));
                addProblem(operation, "412", "Stale version",
                        "The incident is at version 5, not 3. Read it again and retry with the current ETag.",
                        Map.of("currentVersion", 5));
            }
            if (oneIncident) {
                addProblem(operation, "404", "Incident not found", "No incident has the id 'f3c1...'.", Map.of());
            } else if (!write) {
                addProblem(operation, "400", "Invalid request", "The cursor is not one this API returned; start again without a cursor", Map.of());
            }
            addSuccessExample(operation);
        }));
    }

    private static void addProblem(Operation operation, String status, String title, String detail,
            Map<String, Object> extra) {
        Map<String, Object> example = new java.util.LinkedHashMap<>();
        example.put("type", "about:blank");
        example.put("title", title);
        example.put("status", Integer.parseInt(status));
        example.put("detail", detail);
        example.putAll(extra);
        operation.getResponses().computeIfAbsent(status, s -> new ApiResponse().description(title)
                .content(new Content().addMediaType("application/problem+json",
                        new MediaType().schema(new Schema<>().$ref("#/components/schemas/ProblemDetail")).example(example))));
    }

    private static void addSuccessExample(Operation operation) {
        operation.getResponses().forEach((status, response) -> {
            if (!status.startsWith("2") || response.getContent() == null) {
                return;
            }
            response.getContent().forEach((type, media) -> {
                if (media.getExample() == null && media.getSchema() != null) {
                    media.setExample(ApiExamples.forSchema(media.getSchema().get$ref()));
                }
            });
        });
    }
}
