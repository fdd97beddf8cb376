package org.incidentplatform.tracing;

import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.propagation.Propagator;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.context.annotation.Bean;

/** {@link StoredTraceContext} on top of the tracer Spring Boot configures. */
@AutoConfiguration(afterName = {
        "org.springframework.boot.micrometer.tracing.opentelemetry.autoconfigure.OpenTelemetryTracingAutoConfiguration",
        "org.springframework.boot.micrometer.tracing.autoconfigure.NoopTracerAutoConfiguration"})
public class TracingAutoConfiguration {

    @Bean
    @ConditionalOnBean({Tracer.class, Propagator.class})
    StoredTraceContext storedTraceContext(Tracer tracer, Propagator propagator) {
        return new StoredTraceContext(tracer, propagator);
    }
}
