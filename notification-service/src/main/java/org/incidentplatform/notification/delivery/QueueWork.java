package org.incidentplatform.notification.delivery;

import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.incidentplatform.notification.channel.IncidentSnapshot;

/**
 * One queue's part of a delivery round: the open deliveries the round read (in incident order)
 * and the ones it leased to send now as one dispatch. How the queue is settled afterwards follows
 * from these and the send's outcome, so the worker never reads the queue again to settle it.
 *
 * @param open     the queue's open deliveries as the round read them, oldest first
 * @param batch    the leased head of {@code open} that goes out now; empty when nothing is sent
 * @param incident the incident as the message shows it; null when nothing is sent
 * @param limitKey the rate-limit key of the queue's target
 */
record QueueWork(DeliveryQueue queue, List<Delivery> open, List<Delivery> batch, IncidentSnapshot incident,
        String limitKey) {

    QueueWork {
        open = List.copyOf(open);
        batch = List.copyOf(batch);
    }

    /** A send cut off earlier (a crash mid-send) left its mark: the channel checks before sending again. */
    boolean cutOffBefore() {
        return batch.stream().anyMatch(d -> d.sendingSince() != null);
    }

    /** The queue without a send: drops what is final and is next due when its head may go. */
    QueueSettle settleUnsent(Instant notBefore) {
        QueueSettle settle = settleAfter(Map.of());
        Instant next = settle.nextDueOrNull();
        return notBefore == null || next == null || !next.isBefore(notBefore) ? settle
                : new QueueSettle(queue, settle.finished(), notBefore);
    }

    /**
     * The queue after the send.
     *
     * @param batchStillOpen when each delivery of the batch that is still open is due next; a
     *                       delivery of the batch missing here is final (delivered or dead-lettered)
     */
    QueueSettle settleAfter(Map<String, Instant> batchStillOpen) {
        Set<String> sent = new HashSet<>();
        batch.forEach(d -> sent.add(d.id()));
        Set<String> finished = new HashSet<>(queue.open());
        Instant next = null;
        for (Delivery d : open) {
            Instant due;
            if (sent.contains(d.id())) {
                due = batchStillOpen.get(d.id());
                if (due == null) {
                    continue;
                }
            } else {
                due = d.leaseUntil().isAfter(d.nextAttemptAt()) ? d.leaseUntil() : d.nextAttemptAt();
            }
            finished.remove(d.id());
            next = next == null || due.isBefore(next) ? due : next;
        }
        return new QueueSettle(queue, finished, next);
    }

    /**
     * What the worker writes to a queue after looking at it.
     *
     * @param seen          the queue as the round read it (its version guards the removal)
     * @param finished      ids to drop: final or gone
     * @param nextDueOrNull when to look next; null when nothing the round knows of is open
     */
    record QueueSettle(DeliveryQueue seen, Set<String> finished, Instant nextDueOrNull) {
    }
}
