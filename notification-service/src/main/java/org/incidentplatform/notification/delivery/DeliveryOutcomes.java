package org.incidentplatform.notification.delivery;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.incidentplatform.events.NotificationDelivered;
import org.incidentplatform.events.NotificationFailed;
import org.incidentplatform.notification.channel.DeliveryFailure;
import org.incidentplatform.notification.routing.ConfiguredTargets;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Records what sends did on every delivery they carried, publishes it, settles their queues, and
 * after the last allowed failure dead-letters a delivery and hands it to the target's fallback.
 * The outcomes of all sends that finished since the last call are written together: one bulk write
 * of the deliveries, one insert of their events, one bulk write of the queues. A failing target is
 * never switched off: each new delivery tries it again.
 */
@Component
class DeliveryOutcomes {

    private static final Logger logger = LoggerFactory.getLogger(DeliveryOutcomes.class);
    private static final int MAX_ERROR_LENGTH = 500;

    private final DeliveryLog log;
    private final DeliveryQueues queues;
    private final RetryPolicy retry;
    private final DeliveryEventsPublisher events;
    private final ConfiguredTargets targets;
    private final Clock clock;

    DeliveryOutcomes(DeliveryLog log, DeliveryQueues queues, RetryPolicy retry, DeliveryEventsPublisher events,
            ConfiguredTargets targets, Clock clock) {
        this.log = log;
        this.queues = queues;
        this.retry = retry;
        this.events = events;
        this.targets = targets;
        this.clock = clock;
    }

    void recordAll(List<SendOutcome> outcomes) {
        if (outcomes.isEmpty()) {
            return;
        }
        Instant now = clock.instant();
        List<DeliveryLog.Change> changes = new ArrayList<>();
        List<DeliveryEventsPublisher.Outcome> published = new ArrayList<>();
        List<Delivery> deadLettered = new ArrayList<>();
        List<QueueWork.QueueSettle> settles = new ArrayList<>();
        Instant leaseEnds = null;
        for (SendOutcome outcome : outcomes) {
            Map<String, Instant> stillOpen = new HashMap<>();
            if (outcome.cancelled() != null) {
                cancelled(outcome, now, changes);
            } else if (outcome.failure() == null) {
                delivered(outcome, now, changes, published, stillOpen);
            } else {
                failed(outcome, now, changes, published, deadLettered, stillOpen);
            }
            settles.add(outcome.work().settleAfter(stillOpen));
            leaseEnds = leaseEnds == null || outcome.leaseEnds().isBefore(leaseEnds) ? outcome.leaseEnds() : leaseEnds;
        }
        // Sent already: the outcomes must be stored before this worker's leases end, or the
        // deliveries go out a second time.
        OutcomeWrites.untilStored(changes.size() + " deliveries", Duration.between(now, leaseEnds),
                () -> log.applyAll(changes));
        events.publishAll(published);
        deadLettered.forEach(d -> handOver(d, now));
        queues.settleAll(settles, now);
    }

    private void delivered(SendOutcome outcome, Instant now, List<DeliveryLog.Change> changes,
            List<DeliveryEventsPublisher.Outcome> published, Map<String, Instant> stillOpen) {
        List<Delivery> batch = outcome.work().batch();
        List<Delivery> sent = batch.subList(0, outcome.updatesSent());
        // When several updates went out as one message, each record names the one that carried it.
        String carrier = sent.size() > 1 ? sent.getLast().id() : null;
        for (Delivery d : sent) {
            var attempt = new Attempt(d.nextAttemptNumber(), now, DeliveryStatus.DELIVERED.name(),
                    outcome.responseCode(), outcome.latency().toMillis(), null, carrier);
            changes.add(new DeliveryLog.Change(d.id(), DeliveryLog.delivered(attempt)));
            published.add(new DeliveryEventsPublisher.Outcome(d, new NotificationDelivered(d.id(), d.incidentId(),
                    d.eventId(), d.channel(), d.target(), attempt.number(), outcome.responseCode(),
                    attempt.latencyMillis(), now), outcome.traceparent()));
        }
        for (Delivery d : batch.subList(sent.size(), batch.size())) {
            changes.add(new DeliveryLog.Change(d.id(), DeliveryLog.unsent(outcome.unsentDueAt())));
            stillOpen.put(d.id(), outcome.unsentDueAt());
        }
    }

    /** Nothing went out and nothing will: recorded with the reason, published to nobody (there is no message to tell of). */
    private static void cancelled(SendOutcome outcome, Instant now, List<DeliveryLog.Change> changes) {
        for (Delivery d : outcome.work().batch()) {
            var attempt = new Attempt(d.nextAttemptNumber(), now, DeliveryStatus.CANCELLED.name(), null,
                    outcome.latency().toMillis(), outcome.cancelled(), null);
            changes.add(new DeliveryLog.Change(d.id(), DeliveryLog.cancelled(attempt)));
        }
    }

    private void failed(SendOutcome outcome, Instant now, List<DeliveryLog.Change> changes,
            List<DeliveryEventsPublisher.Outcome> published, List<Delivery> deadLettered,
            Map<String, Instant> stillOpen) {
        DeliveryFailure failure = outcome.failure();
        String error = shortened(failure.getMessage());
        boolean outcomeUnknown = failure.responseCode() == null;
        for (Delivery d : outcome.work().batch()) {
            var attempt = new Attempt(d.nextAttemptNumber(), now, DeliveryStatus.FAILED.name(), failure.responseCode(),
                    outcome.latency().toMillis(), error, null);
            boolean last = retry.isLastAttempt(d.failures());
            if (last) {
                changes.add(new DeliveryLog.Change(d.id(), DeliveryLog.deadLettered(attempt, outcomeUnknown)));
                deadLettered.add(d);
            } else {
                Instant next = now.plus(retry.delayAfter(d.failures() + 1, failure.retryAfter()));
                changes.add(new DeliveryLog.Change(d.id(), DeliveryLog.failed(attempt, next, outcomeUnknown)));
                stillOpen.put(d.id(), next);
            }
            published.add(new DeliveryEventsPublisher.Outcome(d, new NotificationFailed(d.id(), d.incidentId(),
                    d.eventId(), d.channel(), d.target(), attempt.number(), failure.responseCode(),
                    attempt.latencyMillis(), error, !last, last, now), outcome.traceparent()));
        }
    }

    /** After the last failure: the record goes to the dead-letter topic and the fallback takes over. */
    private void handOver(Delivery d, Instant now) {
        logger.warn("Delivery {} dead-lettered after {} failures", d.id(), d.failures() + 1);
        log.find(d.id()).ifPresent(events::deadLetter);
        targets.channel(d.channel()).fallback(d.target())
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
