package org.incidentplatform.incident.publishing;

import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;

import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.incidentplatform.events.IncidentOpened;
import org.incidentplatform.events.Severity;
import org.junit.jupiter.api.Test;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.kafka.core.KafkaTemplate;
import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.propagation.Propagator;
import org.incidentplatform.tracing.StoredTraceContext;
import tools.jackson.databind.json.JsonMapper;

/**
 * The at-least-once rule: when the broker does not acknowledge a send, the sink must throw, so the
 * relay keeps the incident's events pending instead of advancing its cursor.
 */
class KafkaRelaySinkTest {

    @Test
    @SuppressWarnings("unchecked")
    void aBatchWhoseSendFailsIsNotAcknowledged() {
        KafkaTemplate<String, String> kafka = mock(KafkaTemplate.class);
        when(kafka.send(anyString(), anyString(), any()))
                .thenReturn(CompletableFuture.failedFuture(new IllegalStateException("broker down")));
        KafkaAdmin admin = mock(KafkaAdmin.class);
        when(admin.initialize()).thenReturn(true);
        var sink = new KafkaRelaySink(kafka, JsonMapper.builder().build(), new IncidentTopicCreation(admin),
                new StoredTraceContext(Tracer.NOOP, Propagator.NOOP));

        assertThatThrownBy(() -> sink.relay(oneEvent())).isInstanceOf(PublishingFailedException.class);
    }

    /** Otherwise a broker that auto-creates topics would create it with its default retention. */
    @Test
    @SuppressWarnings("unchecked")
    void nothingIsSentBeforeTheIncidentTopicExists() {
        KafkaTemplate<String, String> kafka = mock(KafkaTemplate.class);
        KafkaAdmin admin = mock(KafkaAdmin.class);
        when(admin.initialize()).thenThrow(new IllegalStateException("Could not configure topics"));
        var sink = new KafkaRelaySink(kafka, JsonMapper.builder().build(), new IncidentTopicCreation(admin),
                new StoredTraceContext(Tracer.NOOP, Propagator.NOOP));

        assertThatThrownBy(() -> sink.relay(oneEvent())).isInstanceOf(IllegalStateException.class);
        verifyNoInteractions(kafka);
    }

    private static List<GenericDomainEventMessage<IncidentOpened>> oneEvent() {
        return List.of(new GenericDomainEventMessage<>("Incident", "inc-1", 0,
                new IncidentOpened("inc-1", "t", null, Severity.SEV2, List.of(), null, null, Instant.now())));
    }
}
