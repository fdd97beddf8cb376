package org.incidentplatform.consuming;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.listener.BatchListenerFailedException;
import org.springframework.kafka.listener.ConsumerRecordRecoverer;
import org.springframework.kafka.listener.ListenerExecutionFailedException;

/**
 * Makes dead-lettering visible: a WARN naming the record and the reason, and the counter
 * {@code incident.events.deadlettered} (tagged with the source topic, and {@code reason}
 * {@code unreadable} or {@code permanent} for a failure that repeats failure after its retries) before the record goes to
 * its {@code .dlt} topic. Without it a parked record leaves no trace but the dead-letter topic.
 */
class CountingDeadLetterRecoverer implements ConsumerRecordRecoverer {

    private static final Logger log = LoggerFactory.getLogger(CountingDeadLetterRecoverer.class);

    private final ConsumerRecordRecoverer deadLetters;
    private final MeterRegistry meters;

    CountingDeadLetterRecoverer(ConsumerRecordRecoverer deadLetters, MeterRegistry meters) {
        this.deadLetters = deadLetters;
        this.meters = meters;
    }

    @Override
    public void accept(ConsumerRecord<?, ?> record, Exception thrown) {
        Exception failure = listenersOwn(thrown);
        String reason = failure.getMessage();
        String kind = FailureClassifier.isUnreadable(failure) ? "unreadable" : "permanent";
        log.warn("Dead-lettering {} record {}-{}@{} (key {}) to {}{}: {}", kind, record.topic(), record.partition(),
                record.offset(), record.key(), record.topic(), IncidentEventsConsumerAutoConfiguration.DEAD_LETTER_SUFFIX, reason);
        deadLetters.accept(record, withGroup(thrown, failure));
        Counter.builder("incident.events.deadlettered")
                .description("Records sent to the dead-letter topic: unreadable, or failing the same way on every try")
                .tag("topic", record.topic())
                .tag("reason", kind)
                .register(meters)
                .increment();
    }

    /**
     * The dead-letter recoverer takes the consumer group for its headers from the container's
     * wrapper, and the exception headers from that wrapper's cause: keep the one, unwrap the other.
     */
    private static Exception withGroup(Exception thrown, Exception failure) {
        if (thrown instanceof ListenerExecutionFailedException wrapper && wrapper.getGroupId() != null) {
            return new ListenerExecutionFailedException(String.valueOf(failure.getMessage()), wrapper.getGroupId(), failure);
        }
        return failure;
    }

    /**
     * The listener's own exception, without the container's wrappers (a batch listener's failure
     * arrives wrapped twice): the dead-letter headers and the log name what really went wrong.
     */
    private static Exception listenersOwn(Exception thrown) {
        Exception failure = thrown;
        while ((failure instanceof ListenerExecutionFailedException || failure instanceof BatchListenerFailedException)
                && failure.getCause() instanceof Exception cause) {
            failure = cause;
        }
        return failure;
    }
}
