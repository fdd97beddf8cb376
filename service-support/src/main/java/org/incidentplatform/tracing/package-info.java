/**
 * W3C trace context across the services. Micrometer Tracing with the OpenTelemetry bridge (Spring
 * Boot's auto-configuration) continues an incoming {@code traceparent} in an HTTP server span and,
 * with the defaults set by {@link TracingDefaults}, in a span around every Kafka listener
 * invocation and every {@code KafkaTemplate} send, whose {@code traceparent} header it writes.
 * Work that happens later, on another thread (the incident-service publisher reading the event
 * store, notification-service sending a queued delivery), stores the {@code traceparent} of the
 * span that caused it and continues it with {@link StoredTraceContext}. Every span has ids, so
 * trace and span ids are always in the logs; spans are sampled, and leave the process, only when an
 * OTLP endpoint is configured.
 */
package org.incidentplatform.tracing;
