package org.incidentplatform.events;

import java.time.Instant;

/**
 * What notification-service did to tell people about an incident event. Published on
 * {@link Topics#DELIVERY_EVENTS} in the same CloudEvent envelope as incident events, with
 * {@code source} {@code /notification-service}, {@code subject} the incident id, and
 * {@code incidentsequence} the sequence of the incident event that was being notified.
 */
public sealed interface DeliveryEvent permits NotificationDelivered, NotificationFailed {

    /** Identifies the (incident event, channel, target) triple; stable across attempts. */
    String deliveryId();

    String incidentId();

    Instant occurredAt();
}
