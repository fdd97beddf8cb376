package org.incidentplatform.notification.delivery;

import java.time.Duration;
import java.time.Instant;
import org.incidentplatform.notification.channel.DeliveryFailure;

/**
 * What one dispatch did, handed from the sending thread to the outcome writer.
 *
 * @param responseCode the receiver's status code, where there is one
 * @param updatesSent  how many deliveries of the batch, from the oldest, the send covered (0 on failure)
 * @param unsentDueAt  when the deliveries the send did not cover may go, or null
 * @param failure      why the send failed, or null when it went out
 * @param cancelled    why nothing was sent on purpose, or null
 * @param traceparent  the send's span, continued by the delivery events
 */
record SendOutcome(QueueWork work, Integer responseCode, int updatesSent, Instant unsentDueAt,
        DeliveryFailure failure, String cancelled, Duration latency, String traceparent) {

    static SendOutcome sent(QueueWork work, Integer responseCode, int updatesSent, Instant unsentDueAt,
            Duration latency, String traceparent) {
        return new SendOutcome(work, responseCode, updatesSent, unsentDueAt, null, null, latency, traceparent);
    }

    static SendOutcome failed(QueueWork work, DeliveryFailure failure, Duration latency, String traceparent) {
        return new SendOutcome(work, failure.responseCode(), 0, null, failure, null, latency, traceparent);
    }

    /** Nothing sent on purpose (see {@code SendResult.cancelled}): every delivery of the batch ends CANCELLED. */
    static SendOutcome cancelled(QueueWork work, String reason, Duration latency, String traceparent) {
        return new SendOutcome(work, null, work.batch().size(), null, null, reason, latency, traceparent);
    }

    /** The earliest lease of the batch: the outcome has to be stored before then. */
    Instant leaseEnds() {
        return work.batch().stream().map(Delivery::leaseUntil).min(Instant::compareTo).orElse(Instant.EPOCH);
    }
}
