package org.incidentplatform.incident.publishing;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.axonframework.eventhandling.DomainEventMessage;
import org.incidentplatform.events.IncidentEvent;
import org.incidentplatform.events.Topics;
import org.incidentplatform.incident.relay.RelaySink;
import org.incidentplatform.incident.web.RequestOrigin;
import org.incidentplatform.tracing.StoredTraceContext;
import org.springframework.core.annotation.Order;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Puts one incident's stored events on the incident topic, in order, and returns only when the
 * broker has acknowledged all of them. It is the last sink, so that the incident view and the alert
 * linker are not held up by a broker outage; a failure throws, so the relay keeps them pending and sends
 * them again later. Each send runs in a span whose parent is the trace context stored with the
 * event (the span of the request that caused it), so the record's {@code traceparent} header
 * continues that request's trace.
 */
@Component
@Order(40)
class KafkaRelaySink implements RelaySink {

    private static final long ACK_TIMEOUT_SECONDS = 30;

    private final KafkaTemplate<String, String> kafka;
    private final JsonMapper json;
    private final IncidentTopicCreation topic;
    private final StoredTraceContext traces;

    KafkaRelaySink(KafkaTemplate<String, String> kafka, JsonMapper json, IncidentTopicCreation topic,
            StoredTraceContext traces) {
        this.kafka = kafka;
        this.json = json;
        this.topic = topic;
        this.traces = traces;
    }

    @Override
    public boolean handles(String aggregateType) {
        return "Incident".equals(aggregateType);
    }

    @Override
    public String name() {
        return "kafka";
    }

    @Override
    public void relay(List<? extends DomainEventMessage<?>> events) {
        relayAll(List.of(events));
    }

    /** Every incident's events sent at once (the producer batches them), then one wait for all acknowledgements. */
    @Override
    public void relayAll(List<List<? extends DomainEventMessage<?>>> incidents) {
        List<CompletableFuture<?>> pending = new ArrayList<>();
        for (DomainEventMessage<?> event : incidents.stream().<DomainEventMessage<?>>flatMap(List::stream).toList()) {
            // Only incident events are the published contract.
            if (event.getPayload() instanceof IncidentEvent) {
                topic.ensureCreated();
                String value = json.writeValueAsString(CloudEventFactory.from(event));
                String storedContext = (String) event.getMetaData().get(RequestOrigin.TRACEPARENT);
                // The template's own send span (a child of this one) writes the record's traceparent header.
                pending.add(traces.inChildSpan(storedContext, "incident-event publish",
                        () -> kafka.send(Topics.INCIDENT_EVENTS, event.getAggregateIdentifier(), value)));
            }
        }
        awaitAcknowledgements(pending);
    }

    private static void awaitAcknowledgements(List<CompletableFuture<?>> pending) {
        try {
            CompletableFuture.allOf(pending.toArray(CompletableFuture[]::new))
                    .get(ACK_TIMEOUT_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new PublishingFailedException("Interrupted while waiting for Kafka", e);
        } catch (ExecutionException | TimeoutException e) {
            throw new PublishingFailedException("Kafka did not acknowledge " + pending.size() + " event(s)", e);
        }
    }
}
