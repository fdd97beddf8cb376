package org.incidentplatform.consuming;

import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import org.apache.kafka.common.TopicPartition;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.kafka.core.KafkaOperations;
import org.springframework.kafka.listener.CommonErrorHandler;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.util.backoff.BackOff;
import org.springframework.util.backoff.ExponentialBackOff;
import org.springframework.util.backoff.FixedBackOff;
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

    /** Suffix of the dead-letter topic for records that cannot be read or fail permanently. */
    public static final String DEAD_LETTER_SUFFIX = ".dlt";

    @Bean
    IncidentEventReader incidentEventReader(JsonMapper json, MeterRegistry meters) {
        return new IncidentEventReader(json, meters);
    }

    @Bean
    DeliveryEventReader deliveryEventReader(JsonMapper json, MeterRegistry meters) {
        return new DeliveryEventReader(json, meters);
    }

    /**
     * Batch listeners poll again no sooner than this after a poll that brought records (see
     * {@link BusyPollSpacing}); set by the services whose consumers are off the notification path.
     */
    @Bean
    @ConditionalOnProperty(name = "incidents.consumer.busy-poll-spacing")
    BusyPollSpacing busyPollSpacing(@Value("${incidents.consumer.busy-poll-spacing}") Duration spacing) {
        return new BusyPollSpacing(spacing);
    }

    /**
     * Three kinds of failure, three treatments. A transient one (MongoDB or Kafka unreachable, a
     * timeout) is retried with back-off for as long as it lasts: the partition pauses, nothing is
     * skipped. A permanent one (a document too large, a validation error, a bug) fails the same way
     * every time, so after {@code incidents.consumer.permanent-failure-attempts} tries the record is
     * dead-lettered and the partition moves on instead of stopping forever. An unreadable record is
     * dead-lettered at once. The retry state restarts when the root cause changes, so a permanent
     * failure that meets a MongoDB outage on a retry waits for MongoDB rather than being parked.
     */
    @Bean
    CommonErrorHandler incidentEventsErrorHandler(KafkaOperations<Object, Object> kafka, MeterRegistry meters,
            @Value("${incidents.consumer.permanent-failure-attempts:3}") int permanentFailureAttempts,
            @Value("${incidents.consumer.permanent-failure-interval:1s}") Duration permanentFailureInterval,
            @Value("${incidents.consumer.transient-failure-first-interval:200ms}") Duration transientFirstInterval) {
        var recoverer = new CountingDeadLetterRecoverer(new DeadLetterPublishingRecoverer(kafka,
                (record, failure) -> new TopicPartition(record.topic() + DEAD_LETTER_SUFFIX, -1)), meters);
        var handler = new DefaultErrorHandler(recoverer, untilItWorks(transientFirstInterval));
        BackOff permanent = new FixedBackOff(permanentFailureInterval.toMillis(), Math.max(0, permanentFailureAttempts - 1));
        handler.setBackOffFunction((record, failure) -> FailureClassifier.isTransient(failure)
                ? untilItWorks(transientFirstInterval) : permanent);
        handler.setResetStateOnExceptionChange(true);
        handler.addNotRetryableExceptions(UnreadableEventException.class);
        return handler;
    }

    private static BackOff untilItWorks(Duration firstInterval) {
        ExponentialBackOff backOff = new ExponentialBackOff(firstInterval.toMillis(), 2.0);
        backOff.setMaxInterval(30_000);
        backOff.setMaxElapsedTime(Long.MAX_VALUE);
        return backOff;
    }
}
