package org.incidentplatform.report.web;

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
 * Documents what every endpoint shares, so none can forget it: the bearer scheme, and the
 * problem-detail responses (with examples) that the security rules and the handlers produce.
 */
@Configuration(proxyBeanMethods = false)
class OpenApiConfiguration {

    private static final String BEARER = "bearer";

    @Bean
    OpenAPI reportApi() {
        return new OpenAPI().info(new Info().title("Incident Platform: report-service").version("v1")
                        .description("Post-mortems, metrics and the public status page, projected from the incident "
                                + "event topic. Errors are RFC 9457 problem details."))
                .addSecurityItem(new SecurityRequirement().addList(BEARER))
                .components(new Components()
                        .addSecuritySchemes(BEARER, new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("bearer")
                                .description("An API key (ipk_...) or an OIDC access token"))
                        .addSchemas("ProblemDetail", new Schema<>().type("object")
                                .description("RFC 9457 problem details")
                                .addProperty("type", new Schema<String>().type("string"))
                                .addProperty("title", new Schema<String>().type("string"))
                                .addProperty("status", new Schema<Integer>().type("integer"))
                                .addProperty("detail", new Schema<String>().type("string"))
                                .addProperty("instance", new Schema<String>().type("string"))));
    }

    @Bean
    OpenApiCustomizer problemResponses() {
        return api -> api.getPaths().forEach((path, item) -> item.readOperationsMap().forEach((method, operation) -> {
            boolean isPublic = path.startsWith("/status");
            if (!isPublic) {
                problem(operation, "401", "Unauthorized", "A valid bearer API key or token is required.");
                problem(operation, "403", "Forbidden", "This key lacks the scope the operation needs (incidents:read; admin under /api/v1/admin).");
                problem(operation, "429", "Too many requests", "Slow down: at most 50 requests per second per caller.");
            }
            if (path.contains("{incidentId}")) {
                problem(operation, "404", "Not found", "No post-mortem for incident inc-0000");
                problem(operation, "406", "Not acceptable",
                        "A post-mortem is available as application/json, text/markdown or text/html");
            }
            if (path.startsWith("/api/v1/metrics") || path.contains("{incidentId}")) {
                problem(operation, "400", "Invalid parameter 'tz'",
                        "'Mars/Olympus' is not a time zone; use an IANA name such as Europe/Paris or an offset such as +01:00");
            }
            if (path.startsWith("/api/v1/admin")) {
                problem(operation, "409", "Consumer group busy",
                        "Consumer group report-service could not be rewound; stop the other report-service instances and try again");
            }
            problem(operation, "503", "Service unavailable", "The report store cannot be reached right now; try again shortly.");
        }));
    }

    private static void problem(Operation operation, String status, String title, String detail) {
        Map<String, Object> example = new LinkedHashMap<>();
        example.put("type", "about:blank");
        example.put("title", title);
        example.put("status", Integer.parseInt(status));
        example.put("detail", detail);
        operation.getResponses().computeIfAbsent(status, s -> new ApiResponse().description(title)
                .content(new Content().addMediaType("application/problem+json",
                        new MediaType().schema(new Schema<>().$ref("#/components/schemas/ProblemDetail")).example(example))));
    }
}
