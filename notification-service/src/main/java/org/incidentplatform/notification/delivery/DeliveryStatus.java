package org.incidentplatform.notification.delivery;

/**
 * Where a delivery stands.
 *
 * <pre>
 *   PENDING --send ok--> DELIVERED
 *   PENDING --send fails--> FAILED --retry ok--> DELIVERED
 *                           FAILED --Nth failure--> DEAD_LETTERED --replay--> PENDING
 *   PENDING --page answered before its delay--> CANCELLED
 * </pre>
 * A worker holds a PENDING or FAILED delivery under a lease while it sends; a lease that ran
 * out (the service stopped mid-send) makes it due again.
 */
public enum DeliveryStatus {
    /** Recorded, waiting for its first send (or replayed). */
    PENDING,
    /** The last attempt failed; another is scheduled at {@code nextAttemptAt}. */
    FAILED,
    /** The receiver accepted it. Final. */
    DELIVERED,
    /** Given up after the configured number of attempts; the fallback target took over. Replayable. */
    DEAD_LETTERED,
    /** Not sent, on purpose: a page's delayed contact that came due after the incident was answered. Final. */
    CANCELLED;

    boolean isOpen() {
        return this == PENDING || this == FAILED;
    }
}
