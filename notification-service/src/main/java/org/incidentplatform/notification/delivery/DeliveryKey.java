package org.incidentplatform.notification.delivery;

/**
 * The queue a delivery waits in: one incident, one target. Deliveries of one key are sent in
 * incident order, one send at a time, and may be coalesced into one message.
 */
record DeliveryKey(String incidentId, String channel, String target) {

    String id() {
        return channel + ":" + target + ":" + incidentId;
    }
}
