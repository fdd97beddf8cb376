package org.incidentplatform.notification.delivery;

import java.time.Instant;
import java.util.List;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * The open deliveries of one queue (one incident, one target) and when the worker should next
 * look at it. Kept beside the delivery records so that the worker finds work by reading this
 * small collection and records by id, never by scanning the whole delivery log.
 *
 * @param id      {@link DeliveryKey#id()}
 * @param version raised by every addition, so that removing an empty queue cannot lose one
 * @param dueAt   the worker looks at the queue from then on
 * @param open    ids of deliveries that may still be open; final ones are pulled lazily
 */
@Document("delivery_queues")
record DeliveryQueue(@Id String id, String incidentId, String channel, String target, long version, Instant dueAt,
        List<String> open) {

    DeliveryQueue {
        open = open == null ? List.of() : List.copyOf(open);
    }

    DeliveryKey key() {
        return new DeliveryKey(incidentId, channel, target);
    }
}
