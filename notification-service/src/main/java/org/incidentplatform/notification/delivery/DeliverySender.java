package org.incidentplatform.notification.delivery;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.Set;
import java.util.List;
import java.util.Optional;
import org.incidentplatform.notification.channel.DeliveryFailure;
import org.incidentplatform.notification.channel.Dispatch;
import org.incidentplatform.notification.channel.NotificationChannel;
import org.incidentplatform.notification.channel.SendResult;
import org.incidentplatform.notification.channel.Update;
import org.incidentplatform.notification.routing.ConfiguredTargets;
import org.incidentplatform.tracing.StoredTraceContext;
import org.springframework.stereotype.Component;

/**
 * Sends what is due in one queue (one incident, one target): leases the deliveries, waits for
 * the target's rate-limit slot, sends them as one dispatch (coalesced where the channel allows),
 * and records the outcome on every delivery it carried.
 */
@Component
class DeliverySender {

    private static final Comparator<Delivery> IN_INCIDENT_ORDER =
            Comparator.comparingLong(Delivery::incidentSequence).thenComparing(Delivery::createdAt);

    private final DeliveryLog log;
    private final DeliveryQueues queues;
    private final ConfiguredTargets channels;
    private final IncidentLinks incidents;
    private final TargetRateLimiter limiter;
    private final DeliveryOutcomes outcomes;
    private final RetryPolicy retry;
    private final DeliveryProperties properties;
    private final Clock clock;
    private final StoredTraceContext traces;

    DeliverySender(DeliveryLog log, DeliveryQueues queues, ConfiguredTargets channels, IncidentLinks incidents, TargetRateLimiter limiter,
            DeliveryOutcomes outcomes, RetryPolicy retry, DeliveryProperties properties, Clock clock,
            StoredTraceContext traces) {
        this.retry = retry;
        this.traces = traces;
        this.log = log;
        this.queues = queues;
        this.channels = channels;
        this.incidents = incidents;
        this.limiter = limiter;
        this.outcomes = outcomes;
        this.properties = properties;
        this.clock = clock;
    }

    void sendDue(DeliveryQueue queue) {
        List<Delivery> open = log.findAll(queue.open()).stream().filter(d -> d.status().isOpen())
                .sorted(IN_INCIDENT_ORDER).toList();
        try {
            send(queue.key(), open);
        } finally {
            settle(queue);
        }
    }

    private void send(DeliveryKey key, List<Delivery> open) {
        NotificationChannel channel = channels.channel(key.channel());
        Instant now = clock.instant();
        if (open.isEmpty() || !isDue(open.getFirst(), now)) {
            // Incident order: nothing overtakes a head that is waiting for its retry.
            return;
        }
        List<Delivery> batch = lease(channel.coalesces() ? open : open.subList(0, 1), now);
        if (batch.isEmpty()) {
            return;
        }
        String limitKey = key.channel() + ":" + key.target();
        Optional<Instant> busyUntil = limiter.tryAcquire(limitKey, channel.minInterval(), now);
        if (busyUntil.isPresent()) {
            log.release(ids(batch), busyUntil.get());
            return;
        }
        boolean cutOffBefore = batch.stream().anyMatch(d -> d.sendingSince() != null);
        log.markSending(ids(batch), now);
        // Continues the trace of the (first) event being delivered; outbound HTTP and the delivery
        // events published from here carry this span's traceparent.
        traces.runInChildSpan(batch.getFirst().traceparent(), "notification delivery " + key.channel(),
                () -> dispatch(key, channel, batch, limitKey, cutOffBefore));
    }

    private void dispatch(DeliveryKey key, NotificationChannel channel, List<Delivery> batch, String limitKey,
            boolean cutOffBefore) {
        var dispatch = new Dispatch(key.target(), incidents.snapshot(key.incidentId()), updates(batch), cutOffBefore);
        long started = System.nanoTime();
        SendResult result;
        try {
            result = channels.isConfigured(key.channel(), key.target()) ? channel.send(dispatch)
                    : fail("the target is no longer configured");
        } catch (RuntimeException failure) {
            Duration latency = Duration.ofNanos(System.nanoTime() - started);
            DeliveryFailure reason = failure instanceof DeliveryFailure known ? known
                    : new DeliveryFailure(failure.toString(), null, null, failure);
            // The outcome first: nothing after the send may keep it from being recorded, or the
            // delivery stays leased and goes out again when the lease ends.
            outcomes.failed(channel, batch, reason, latency);
            Duration pause = retry.capped(reason.retryAfter());
            if (pause != null) {
                limiter.pauseUntil(limitKey, clock.instant().plus(pause));
            }
            return;
        }
        int sent = Math.clamp(result.updatesSent(), 1, batch.size());
        outcomes.delivered(batch.subList(0, sent), result.responseCode(), Duration.ofNanos(System.nanoTime() - started));
        if (sent < batch.size()) {
            log.returnUnsent(ids(batch.subList(sent, batch.size())), limiter.nextSlot(limitKey, clock.instant()));
        }
    }

    /** Drops what is final from the queue and sets when it is next due: when its head may go. */
    private void settle(DeliveryQueue queue) {
        List<Delivery> current = log.findAll(queue.open());
        Set<String> finished = new HashSet<>(queue.open());
        Instant nextDue = null;
        for (Delivery d : current) {
            if (d.status().isOpen()) {
                finished.remove(d.id());
                Instant due = d.leaseUntil().isAfter(d.nextAttemptAt()) ? d.leaseUntil() : d.nextAttemptAt();
                nextDue = nextDue == null || due.isBefore(nextDue) ? due : nextDue;
            }
        }
        queues.settle(queue, finished, nextDue);
    }

    private static boolean isDue(Delivery head, Instant now) {
        return !head.nextAttemptAt().isAfter(now) && !head.leaseUntil().isAfter(now);
    }

    /** Leases the deliveries in order, stopping at the first one another worker holds. */
    private List<Delivery> lease(List<Delivery> candidates, Instant now) {
        List<Delivery> leased = new ArrayList<>();
        for (Delivery candidate : candidates) {
            Optional<Delivery> mine = log.lease(candidate.id(), now, now.plus(properties.lease()));
            if (mine.isEmpty()) {
                break;
            }
            leased.add(mine.get());
        }
        return leased;
    }

    private static SendResult fail(String why) {
        throw new DeliveryFailure(why, null);
    }

    private static List<Update> updates(List<Delivery> batch) {
        return batch.stream().map(d -> new Update(d.id(), d.eventId(), d.eventType(), d.incidentSequence(),
                d.message(), d.createdAt(), d.cloudEvent(), d.fallbackFor())).toList();
    }

    private static List<String> ids(List<Delivery> batch) {
        return batch.stream().map(Delivery::id).toList();
    }
}
