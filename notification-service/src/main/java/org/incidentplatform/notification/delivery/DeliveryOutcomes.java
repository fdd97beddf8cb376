package org.incidentplatform.notification.delivery;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.incidentplatform.events.NotificationDelivered;
import org.incidentplatform.events.NotificationFailed;
import org.incidentplatform.notification.channel.DeliveryFailure;
import org.incidentplatform.notification.channel.NotificationChannel;
import org.incidentplatform.notification.routing.ConfiguredTargets;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Records what an attempt did on every delivery it carried, publishes it, and after the last
 * allowed failure dead-letters the delivery and hands it to the target's fallback. A failing
 * target is never switched off: each new delivery tries it again.
 */
@Component
class DeliveryOutcomes {

    private static final Logger logger = LoggerFactory.getLogger(DeliveryOutcomes.class);
    private static final int MAX_ERROR_LENGTH = 500;

    private final DeliveryLog log;
    private final RetryPolicy retry;
    private final DeliveryEventsPublisher events;
    private final ConfiguredTargets targets;
    private final Clock clock;

    DeliveryOutcomes(DeliveryLog log, RetryPolicy retry, DeliveryEventsPublisher events, ConfiguredTargets targets,
            Clock clock) {
        this.log = log;
        this.retry = retry;
        this.events = events;
        this.targets = targets;
        this.clock = clock;
    }

    void delivered(List<Delivery> sent, Integer responseCode, Duration latency) {
        Instant now = clock.instant();
        // When several updates went out as one message, each record names the one that carried it.
        String carrier = sent.size() > 1 ? sent.getLast().id() : null;
        for (Delivery d : sent) {
            var attempt = new Attempt(d.nextAttemptNumber(), now, DeliveryStatus.DELIVERED.name(), responseCode,
                    latency.toMillis(), null, carrier);
            // Sent already: the outcome must be stored before this worker's lease ends, or the
            // delivery goes out a second time.
            OutcomeWrites.untilStored(d.id(), Duration.between(now, d.leaseUntil()), () -> log.delivered(d.id(), attempt));
            events.publish(d, new NotificationDelivered(d.id(), d.incidentId(), d.eventId(), d.channel(), d.target(),
                    attempt.number(), responseCode, attempt.latencyMillis(), now));
        }
    }

    void failed(NotificationChannel channel, List<Delivery> batch, DeliveryFailure failure, Duration latency) {
        Instant now = clock.instant();
        String error = shortened(failure.getMessage());
        for (Delivery d : batch) {
            var attempt = new Attempt(d.nextAttemptNumber(), now, DeliveryStatus.FAILED.name(), failure.responseCode(),
                    latency.toMillis(), error, null);
            boolean last = retry.isLastAttempt(d.failures());
            boolean outcomeUnknown = failure.responseCode() == null;
            if (last) {
                log.deadLettered(d.id(), attempt, outcomeUnknown);
            } else {
                log.failed(d.id(), attempt, now.plus(retry.delayAfter(d.failures() + 1, failure.retryAfter())),
                        outcomeUnknown);
            }
            events.publish(d, new NotificationFailed(d.id(), d.incidentId(), d.eventId(), d.channel(), d.target(),
                    attempt.number(), failure.responseCode(), attempt.latencyMillis(), error, !last, last, now));
            if (last) {
                deadLettered(channel, d, now);
            }
        }
    }

    private void deadLettered(NotificationChannel channel, Delivery d, Instant now) {
        logger.warn("Delivery {} dead-lettered after {} failures", d.id(), d.failures() + 1);
        log.find(d.id()).ifPresent(events::deadLetter);
        channel.fallback(d.target())
                .filter(fallback -> targets.isConfigured(fallback))
                .filter(fallback -> !(fallback.channel().equals(d.channel()) && fallback.target().equals(d.target())))
                // An existing id means the event already went to that target (routed there directly): enough.
                .ifPresent(fallback -> log.enqueue(d.fallbackTo(fallback.channel(), fallback.target(), now)));
    }

    private static String shortened(String error) {
        String text = String.valueOf(error);
        return text.length() <= MAX_ERROR_LENGTH ? text : text.substring(0, MAX_ERROR_LENGTH);
    }
}
