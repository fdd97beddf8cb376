package org.incidentplatform.consuming;

import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.common.TopicPartition;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.kafka.core.KafkaOperations;
import org.springframework.kafka.listener.CommonErrorHandler;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.util.backoff.ExponentialBackOff;
import tools.jackson.databind.json.JsonMapper;

/**
 * Shared wiring for services that consume the incident topic (incident-service, the producer,
 * switches it off with {@code incidents.consumer.enabled=false}). Offsets are committed by the
 * listener container only after the listener returned, that is after the projection write.
 */
@AutoConfiguration(afterName = {
        "org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration",
        "org.springframework.boot.kafka.autoconfigure.KafkaAutoConfiguration"})
@ConditionalOnBooleanProperty(name = "incidents.consumer.enabled", matchIfMissing = true)
public class IncidentEventsConsumerAutoConfiguration {

    /** Suffix of the dead-letter topic for records that cannot be read at all. */
    public static final String DEAD_LETTER_SUFFIX = ".dlt";

    @Bean
    IncidentEventReader incidentEventReader(JsonMapper json, MeterRegistry meters) {
        return new IncidentEventReader(json, meters);
    }

    /**
     * Retries every failure with back-off, without limit: a database outage pauses the
     * partition until the write succeeds rather than skipping events. Only records that cannot
     * be read are dead-lettered, at once.
     */
    @Bean
    CommonErrorHandler incidentEventsErrorHandler(KafkaOperations<Object, Object> kafka, MeterRegistry meters) {
        var recoverer = new CountingDeadLetterRecoverer(new DeadLetterPublishingRecoverer(kafka,
                (record, failure) -> new TopicPartition(record.topic() + DEAD_LETTER_SUFFIX, -1)), meters);
        ExponentialBackOff backOff = new ExponentialBackOff(200, 2.0);
        backOff.setMaxInterval(30_000);
        backOff.setMaxElapsedTime(Long.MAX_VALUE);
        var handler = new DefaultErrorHandler(recoverer, backOff);
        handler.addNotRetryableExceptions(UnreadableEventException.class);
        return handler;
    }
}
