package org.incidentplatform.notification.delivery;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.incidentplatform.notification.channel.DeliveryFailure;
import org.incidentplatform.notification.channel.Dispatch;
import org.incidentplatform.notification.channel.IncidentSnapshot;
import org.incidentplatform.notification.channel.NotificationChannel;
import org.incidentplatform.notification.channel.SendResult;
import org.incidentplatform.notification.channel.Update;
import org.incidentplatform.notification.routing.ConfiguredTargets;
import org.incidentplatform.tracing.StoredTraceContext;
import org.incidentplatform.tracing.Traceparent;
import org.springframework.stereotype.Component;

/**
 * Prepares a round of due queues and sends each queue's part. The preparation costs a fixed
 * number of MongoDB commands however many queues the round holds (read the deliveries, lease
 * them, mark them sending, hold the queues, read the incidents); only the sends themselves are
 * one per queue. Within a queue (one incident, one target) deliveries go in incident order,
 * coalesced where the channel allows, spaced by the target's rate limit.
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
    private final RetryPolicy retry;
    private final DeliveryProperties properties;
    private final Clock clock;
    private final StoredTraceContext traces;

    DeliverySender(DeliveryLog log, DeliveryQueues queues, ConfiguredTargets channels, IncidentLinks incidents,
            TargetRateLimiter limiter, RetryPolicy retry, DeliveryProperties properties, Clock clock,
            StoredTraceContext traces) {
        this.log = log;
        this.queues = queues;
        this.channels = channels;
        this.incidents = incidents;
        this.limiter = limiter;
        this.retry = retry;
        this.properties = properties;
        this.clock = clock;
        this.traces = traces;
    }

    /**
     * A round's work: the queues that send now (leased, marked sending, held until the lease
     * ends) and the settles of those that do not (nothing due, target busy, head held elsewhere).
     */
    record Round(List<QueueWork> sends, List<QueueWork.QueueSettle> settles) {
    }

    Round prepare(List<DeliveryQueue> due) {
        Instant now = clock.instant();
        Map<String, Delivery> known = byId(log.findAll(due.stream().flatMap(q -> q.open().stream()).toList()));
        List<QueueWork.QueueSettle> settles = new ArrayList<>();
        Map<QueueWork, List<Delivery>> candidates = new LinkedHashMap<>();
        for (DeliveryQueue queue : due) {
            List<Delivery> open = queue.open().stream().map(known::get).filter(Objects::nonNull)
                    .filter(d -> d.status().isOpen()).sorted(IN_INCIDENT_ORDER).toList();
            String limitKey = queue.channel() + ":" + queue.target();
            QueueWork idle = new QueueWork(queue, open, List.of(), null, limitKey);
            if (open.isEmpty() || !isDue(open.getFirst(), now)) {
                // Incident order: nothing overtakes a head that is waiting for its retry.
                settles.add(idle.settleUnsent(null));
                continue;
            }
            NotificationChannel channel = channels.channel(queue.channel());
            Optional<Instant> busyUntil = limiter.tryAcquire(limitKey, channel.minInterval(), now);
            if (busyUntil.isPresent()) {
                settles.add(idle.settleUnsent(busyUntil.get()));
                continue;
            }
            candidates.put(idle, channel.coalesces() ? open : open.subList(0, 1));
        }
        if (candidates.isEmpty()) {
            return new Round(List.of(), settles);
        }
        Instant leaseUntil = now.plus(properties.lease());
        Map<String, Delivery> leased = byId(log.leaseAll(candidates.values().stream().flatMap(List::stream).toList(),
                now, leaseUntil));
        List<QueueWork> sends = new ArrayList<>();
        List<String> leasedButHeld = new ArrayList<>();
        candidates.forEach((idle, wanted) -> {
            List<Delivery> batch = leadingLeased(wanted, leased, leasedButHeld);
            if (batch.isEmpty()) {
                settles.add(idle.settleUnsent(null));
            } else {
                sends.add(new QueueWork(idle.queue(), idle.open(), batch, null, idle.limitKey()));
            }
        });
        log.releaseLeases(leasedButHeld);
        if (sends.isEmpty()) {
            return new Round(List.of(), settles);
        }
        log.markSending(sends.stream().flatMap(w -> w.batch().stream()).map(Delivery::id).toList(), now);
        queues.hold(sends.stream().map(w -> w.queue().id()).toList(), leaseUntil);
        Map<String, IncidentSnapshot> snapshots = incidents.snapshots(sends.stream().map(w -> w.queue().incidentId())
                .distinct().toList());
        return new Round(sends.stream().map(w -> new QueueWork(w.queue(), w.open(), w.batch(),
                snapshots.get(w.queue().incidentId()), w.limitKey())).toList(), settles);
    }

    /**
     * Sends one queue's batch as one dispatch. Never throws: a failure is an outcome. Continues
     * the trace of the (first) event being delivered; outbound HTTP carries this span's traceparent.
     */
    SendOutcome send(QueueWork work) {
        return traces.inChildSpan(work.batch().getFirst().traceparent(), "notification delivery " + work.queue().channel(),
                () -> dispatch(work));
    }

    private SendOutcome dispatch(QueueWork work) {
        String traceparent = Traceparent.current();
        DeliveryQueue queue = work.queue();
        List<Delivery> batch = work.batch();
        long started = System.nanoTime();
        SendResult result;
        try {
            NotificationChannel channel = channels.channel(queue.channel());
            var dispatch = new Dispatch(queue.target(), work.incident(), updates(batch), work.cutOffBefore());
            result = channels.canSend(queue.channel(), queue.target()) ? channel.send(dispatch)
                    : fail("the target is no longer configured");
        } catch (RuntimeException failure) {
            DeliveryFailure reason = failure instanceof DeliveryFailure known ? known
                    : new DeliveryFailure(failure.toString(), null, null, failure);
            Duration pause = retry.capped(reason.retryAfter());
            if (pause != null) {
                limiter.pauseUntil(work.limitKey(), clock.instant().plus(pause));
            }
            return SendOutcome.failed(work, reason, Duration.ofNanos(System.nanoTime() - started), traceparent);
        }
        if (result.cancelled() != null) {
            return SendOutcome.cancelled(work, result.cancelled(), Duration.ofNanos(System.nanoTime() - started), traceparent);
        }
        int sent = Math.clamp(result.updatesSent(), 1, batch.size());
        Instant unsentDue = sent < batch.size() ? limiter.nextSlot(work.limitKey(), clock.instant()) : null;
        return SendOutcome.sent(work, result.responseCode(), sent, unsentDue,
                Duration.ofNanos(System.nanoTime() - started), traceparent);
    }

    private static boolean isDue(Delivery head, Instant now) {
        return !head.nextAttemptAt().isAfter(now) && !head.leaseUntil().isAfter(now);
    }

    /**
     * The wanted deliveries this round leased, in order, up to the first one another worker
     * holds; leased ones after that gap go to {@code leasedButHeld} to be given back.
     */
    private static List<Delivery> leadingLeased(List<Delivery> wanted, Map<String, Delivery> leased,
            List<String> leasedButHeld) {
        List<Delivery> batch = new ArrayList<>();
        boolean gap = false;
        for (Delivery d : wanted) {
            Delivery mine = leased.get(d.id());
            if (mine == null) {
                gap = true;
            } else if (gap) {
                leasedButHeld.add(d.id());
            } else {
                batch.add(mine);
            }
        }
        return batch;
    }

    private static Map<String, Delivery> byId(Collection<Delivery> deliveries) {
        Map<String, Delivery> byId = new HashMap<>();
        deliveries.forEach(d -> byId.put(d.id(), d));
        return byId;
    }

    private static SendResult fail(String why) {
        throw new DeliveryFailure(why, null);
    }

    private static List<Update> updates(List<Delivery> batch) {
        return batch.stream().map(d -> new Update(d.id(), d.eventId(), d.eventType(), d.incidentSequence(),
                d.message(), d.createdAt(), d.cloudEvent(), d.fallbackFor())).toList();
    }
}
