package org.incidentplatform.notification.delivery;

/** Where a delivery stands. */
enum DeliveryStatus {
    /** Claimed and being sent; stays so if the service stopped mid-send (it is not repeated). */
    PENDING,
    /** The channel accepted it. */
    DELIVERED,
    /** The channel refused it; the event's retry claims it again. */
    FAILED
}
