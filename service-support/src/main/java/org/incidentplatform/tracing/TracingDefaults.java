package org.incidentplatform.tracing;

import java.util.HashMap;
import java.util.Map;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.util.StringUtils;

/**
 * The tracing settings every service shares, as defaults that a service's
 * {@code application.yml}, the environment or the command line still override.
 *
 * <p>Trace and span ids are what ties log lines and Kafka records together, and OpenTelemetry gives
 * every span valid ids whether or not it is sampled: an unsampled span still puts its ids in the
 * MDC and still writes a {@code traceparent} (its sampled bit clear). Sampling only decides whether a
 * span records its attributes and timings for an exporter. So every trace is sampled when an OTLP
 * endpoint is configured, and none is when nothing would receive them (recording spans that are then
 * dropped is about 1% of incident-service's CPU in an alert storm: small, but for nothing). A
 * caller's sampled flag is followed either way.
 */
public class TracingDefaults implements EnvironmentPostProcessor {

    static final String OTLP_ENDPOINT = "management.opentelemetry.tracing.export.otlp.endpoint";
    static final String SAMPLING = "management.tracing.sampling.probability";

    static final Map<String, Object> DEFAULTS = Map.of(
            "management.tracing.propagation.type", "w3c",
            "spring.kafka.listener.observation-enabled", "true",
            "spring.kafka.template.observation-enabled", "true");

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        Map<String, Object> defaults = new HashMap<>(DEFAULTS);
        defaults.put(SAMPLING, StringUtils.hasText(environment.getProperty(OTLP_ENDPOINT)) ? "1.0" : "0.0");
        environment.getPropertySources().addLast(new MapPropertySource("incidentPlatformTracingDefaults", defaults));
    }
}
