package org.incidentplatform.notification.delivery;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * The {@code delivery_queues} collection: which incident-and-target queues have open
 * deliveries and when each is next due. Ids are added after the delivery record exists (see
 * {@link DeliveryLog#enqueue}); ids whose record is final or missing are dropped when the worker
 * settles the queue.
 */
@Component
class DeliveryQueues {

    private static final int DUE_LIMIT = 500;

    private final MongoOperations mongo;

    DeliveryQueues(MongoOperations mongo) {
        this.mongo = mongo;
    }

    void add(DeliveryKey key, String deliveryId, Instant dueAt) {
        mongo.upsert(query(where("_id").is(key.id())), new Update()
                .setOnInsert("incidentId", key.incidentId()).setOnInsert("channel", key.channel())
                .setOnInsert("target", key.target())
                .inc("version", 1).min("dueAt", dueAt).addToSet("open", deliveryId), DeliveryQueue.class);
    }

    List<DeliveryQueue> due(Instant now) {
        return mongo.find(query(where("dueAt").lte(now)).limit(DUE_LIMIT), DeliveryQueue.class);
    }

    /**
     * After the worker looked at a queue: drops the deliveries that are final and sets when to
     * look next, or removes the queue when nothing is open and nothing was added meanwhile.
     */
    void settle(DeliveryQueue seen, Collection<String> finished, Instant nextDueOrNull) {
        if (nextDueOrNull == null && finished.size() == seen.open().size()) {
            var removed = mongo.remove(query(where("_id").is(seen.id()).and("version").is(seen.version())),
                    DeliveryQueue.class);
            if (removed.getDeletedCount() == 1) {
                return;
            }
        }
        Update update = new Update();
        if (!finished.isEmpty()) {
            update.pullAll("open", finished.toArray());
        }
        if (nextDueOrNull != null) {
            // A delivery added meanwhile sits behind the open head, so waiting for the head is right.
            update.set("dueAt", nextDueOrNull);
        }
        if (!update.getUpdateObject().isEmpty()) {
            mongo.updateFirst(query(where("_id").is(seen.id())), update, DeliveryQueue.class);
        }
    }
}
