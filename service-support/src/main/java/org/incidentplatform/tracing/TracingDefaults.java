package org.incidentplatform.tracing;

import java.util.Map;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * The tracing settings every service shares, as defaults that a service's
 * {@code application.yml}, the environment or the command line still override. Spring Boot
 * samples 10 % of traces by default; here every trace is sampled, because the ids are what ties
 * log lines and Kafka records together, and export is off unless an OTLP endpoint is set.
 */
public class TracingDefaults implements EnvironmentPostProcessor {

    static final Map<String, Object> DEFAULTS = Map.of(
            "management.tracing.sampling.probability", "1.0",
            "management.tracing.propagation.type", "w3c",
            "spring.kafka.listener.observation-enabled", "true",
            "spring.kafka.template.observation-enabled", "true");

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        environment.getPropertySources().addLast(new MapPropertySource("incidentPlatformTracingDefaults", DEFAULTS));
    }
}
