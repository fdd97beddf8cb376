package org.incidentplatform.tracing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;

class TracingDefaultsTest {

    @Test
    void withoutAnExporterNothingIsSampled() {
        assertThat(sampling(Map.of())).isEqualTo("0.0");
    }

    @Test
    void anOtlpEndpointSwitchesSamplingOn() {
        assertThat(sampling(Map.of("MANAGEMENT_OPENTELEMETRY_TRACING_EXPORT_OTLP_ENDPOINT",
                "http://collector:4318/v1/traces"))).isEqualTo("1.0");
        assertThat(sampling(Map.of("MANAGEMENT_OPENTELEMETRY_TRACING_EXPORT_OTLP_ENDPOINT", " "))).isEqualTo("0.0");
    }

    @Test
    void anOperatorsSamplingWins() {
        assertThat(sampling(Map.of("MANAGEMENT_TRACING_SAMPLING_PROBABILITY", "0.25",
                "MANAGEMENT_OPENTELEMETRY_TRACING_EXPORT_OTLP_ENDPOINT", "http://collector:4318/v1/traces")))
                .isEqualTo("0.25");
    }

    @Test
    void propagationStaysW3cAndKafkaObserved() {
        StandardEnvironment environment = environmentWith(Map.of());
        assertThat(environment.getProperty("management.tracing.propagation.type")).isEqualTo("w3c");
        assertThat(environment.getProperty("spring.kafka.template.observation-enabled")).isEqualTo("true");
        assertThat(environment.getProperty("spring.kafka.listener.observation-enabled")).isEqualTo("true");
    }

    private static String sampling(Map<String, Object> variables) {
        return environmentWith(variables).getProperty(TracingDefaults.SAMPLING);
    }

    private static StandardEnvironment environmentWith(Map<String, Object> variables) {
        StandardEnvironment environment = new StandardEnvironment();
        environment.getPropertySources().remove(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME);
        environment.getPropertySources().remove(StandardEnvironment.SYSTEM_PROPERTIES_PROPERTY_SOURCE_NAME);
        environment.getPropertySources().addFirst(
                new SystemEnvironmentPropertySource(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME, variables));
        new TracingDefaults().postProcessEnvironment(environment, null);
        return environment;
    }
}
