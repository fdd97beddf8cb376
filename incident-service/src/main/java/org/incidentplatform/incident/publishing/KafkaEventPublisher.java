package org.incidentplatform.incident.publishing;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.unitofwork.BatchingUnitOfWork;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.incidentplatform.events.IncidentEvent;
import org.incidentplatform.events.Topics;
import org.incidentplatform.incident.web.RequestOrigin;
import org.incidentplatform.tracing.StoredTraceContext;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Publishes each stored event, waiting for the broker's acknowledgements once per batch. Each send
 * runs in a span whose parent is the trace context stored with the event (the span of the request
 * that caused it), so the record's {@code traceparent} header continues that request's trace.
 */
@Component
@ProcessingGroup(KafkaEventPublisher.PROCESSING_GROUP)
class KafkaEventPublisher {

    static final String PROCESSING_GROUP = "kafka-publisher";
    private static final String PENDING_SENDS = KafkaEventPublisher.class.getName() + ".pending";
    private static final long ACK_TIMEOUT_SECONDS = 30;

    private final KafkaTemplate<String, String> kafka;
    private final JsonMapper json;
    private final IncidentTopicCreation topic;
    private final StoredTraceContext traces;

    KafkaEventPublisher(KafkaTemplate<String, String> kafka, JsonMapper json, IncidentTopicCreation topic,
            StoredTraceContext traces) {
        this.kafka = kafka;
        this.json = json;
        this.topic = topic;
        this.traces = traces;
    }

    @EventHandler
    void on(Object payload, EventMessage<?> message) {
        UnitOfWork<?> unitOfWork = CurrentUnitOfWork.get();
        List<CompletableFuture<?>> pending = unitOfWork.getOrComputeResource(PENDING_SENDS, key -> new ArrayList<>());
        // Only incident events are the published contract; alert-stream events are internal.
        if (payload instanceof IncidentEvent && message instanceof DomainEventMessage<?> domainEvent) {
            topic.ensureCreated();
            String value = json.writeValueAsString(CloudEventFactory.from(domainEvent));
            String storedContext = (String) domainEvent.getMetaData().get(RequestOrigin.TRACEPARENT);
            // The template's own send span (a child of this one) writes the record's traceparent header.
            pending.add(traces.inChildSpan(storedContext, "incident-event publish",
                    () -> kafka.send(Topics.INCIDENT_EVENTS, domainEvent.getAggregateIdentifier(), value)));
        }
        boolean lastOfBatch = !(unitOfWork instanceof BatchingUnitOfWork<?> batch) || batch.isLastMessage();
        if (lastOfBatch) {
            awaitAcknowledgements(pending);
        }
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
        } finally {
            pending.clear();
        }
    }
}
