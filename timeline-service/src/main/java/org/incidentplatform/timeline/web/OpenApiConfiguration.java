package org.incidentplatform.timeline.web;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Documents what every endpoint shares, so none can forget it: bearer authentication and the
 * problem responses of the shared security rules (401, 403, 429) and of an unreachable store (503).
 */
@Configuration(proxyBeanMethods = false)
class OpenApiConfiguration {

    @Bean
    OpenAPI timelineApi() {
        return new OpenAPI().info(new Info().title("Incident Platform: timeline-service").version("v1")
                        .description("Per-incident timelines (JSON, Markdown, CSV), the activity feed, live streams "
                                + "(Server-Sent Events) and the projection rebuild. Errors are RFC 9457 problem details."))
                .components(new Components()
                        .addSecuritySchemes("apiKey", new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("bearer")
                                .description("An API key (or OIDC token) with incidents:read; admin for /api/v1/admin/**"))
                        .addSchemas("ProblemDetail", new Schema<>().type("object")
                                .description("RFC 9457 problem details; invalid parameters add a 'parameter' property.")
                                .addProperty("type", new Schema<String>().type("string"))
                                .addProperty("title", new Schema<String>().type("string"))
                                .addProperty("status", new Schema<Integer>().type("integer"))
                                .addProperty("detail", new Schema<String>().type("string"))
                                .addProperty("instance", new Schema<String>().type("string"))
                                .addProperty("parameter", new Schema<String>().type("string"))))
                .addSecurityItem(new SecurityRequirement().addList("apiKey"));
    }

    @Bean
    OpenApiCustomizer sharedProblems() {
        return api -> api.getPaths().forEach((path, item) -> item.readOperations().forEach(operation -> {
            addProblem(operation, "401", "Unauthorized", "A valid API key or token is required.");
            addProblem(operation, "403", "Forbidden", path.startsWith("/api/v1/admin")
                    ? "This endpoint needs the admin scope." : "This endpoint needs the incidents:read scope.");
            addProblem(operation, "429", "Too many requests",
                    "This caller exceeded its request rate; retry after the number of seconds in Retry-After.");
            addProblem(operation, "503", "Service Unavailable",
                    "The timeline store cannot be reached right now; try again shortly.");
        }));
    }

    private static void addProblem(Operation operation, String status, String title, String detail) {
        Map<String, Object> example = new LinkedHashMap<>();
        example.put("type", "about:blank");
        example.put("title", title);
        example.put("status", Integer.parseInt(status));
        example.put("detail", detail);
        operation.getResponses().computeIfAbsent(status, s -> new ApiResponse().description(title)
                .content(new Content().addMediaType(ApiExamples.PROBLEM_JSON,
                        new MediaType().schema(new Schema<>().$ref(ApiExamples.PROBLEM_SCHEMA)).example(example))));
    }
}
