package org.incidentplatform.deadletters;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.media.Schema;
import java.time.Duration;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;

/** The dead-letter API on every service that consumes the incident topic (not on incident-service). */
@AutoConfiguration(afterName = "org.springframework.boot.kafka.autoconfigure.KafkaAutoConfiguration")
@ConditionalOnBooleanProperty(name = "incidents.consumer.enabled", matchIfMissing = true)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
public class DeadLettersAutoConfiguration {

    @Bean
    DeadLetterTopics deadLetterTopics(KafkaProperties kafka,
            @Value("${incidents.dead-letters.scan-per-partition:5000}") int scanPerPartition,
            @Value("${incidents.dead-letters.read-timeout:5s}") Duration readTimeout) {
        return new DeadLetterTopics(kafka::buildConsumerProperties, scanPerPartition, readTimeout);
    }

    @Bean
    DeadLettersController deadLettersController(DeadLetterTopics topics, KafkaListenerEndpointRegistry listeners) {
        return new DeadLettersController(topics, listeners);
    }

    /** The controller's problem responses refer to this schema; not every service defines it itself. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(name = "org.springdoc.core.customizers.OpenApiCustomizer")
    static class ProblemSchema {

        @Bean
        OpenApiCustomizer problemDetailSchema() {
            return api -> {
                if (api.getComponents() == null) {
                    api.setComponents(new Components());
                }
                if (api.getComponents().getSchemas() == null || !api.getComponents().getSchemas().containsKey("ProblemDetail")) {
                    api.getComponents().addSchemas("ProblemDetail", new Schema<>().type("object")
                            .description("RFC 9457 problem details")
                            .addProperty("type", new Schema<String>().type("string"))
                            .addProperty("title", new Schema<String>().type("string"))
                            .addProperty("status", new Schema<Integer>().type("integer"))
                            .addProperty("detail", new Schema<String>().type("string"))
                            .addProperty("instance", new Schema<String>().type("string")));
                }
            };
        }
    }
}
