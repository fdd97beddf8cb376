package org.incidentplatform.notification.delivery;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import org.springframework.data.mongodb.core.BulkOperations;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * The {@code delivery_queues} collection: which incident-and-target queues have open
 * deliveries and when each is next due. Ids are added after the delivery record exists (see
 * {@link DeliveryLog#enqueue}); ids whose record is final or missing are dropped when the worker
 * settles the queue. Additions and settles of many queues go in one bulk write each.
 */
@Component
class DeliveryQueues {

    private final MongoOperations mongo;

    DeliveryQueues(MongoOperations mongo) {
        this.mongo = mongo;
    }

    /** A delivery joining its queue, due from {@code dueAt}. */
    record Entry(DeliveryKey key, String deliveryId, Instant dueAt) {

        static Entry of(Delivery delivery) {
            return new Entry(delivery.key(), delivery.id(), delivery.nextAttemptAt());
        }
    }

    void add(DeliveryKey key, String deliveryId, Instant dueAt) {
        mongo.upsert(query(where("_id").is(key.id())), addition(new Entry(key, deliveryId, dueAt)), DeliveryQueue.class);
    }

    /** {@link #add} for many deliveries in one unordered bulk write. */
    void addAll(Collection<Entry> entries) {
        if (entries.isEmpty()) {
            return;
        }
        BulkOperations bulk = mongo.bulkOps(BulkOperations.BulkMode.UNORDERED, DeliveryQueue.class);
        entries.forEach(entry -> bulk.upsert(query(where("_id").is(entry.key().id())), addition(entry)));
        bulk.execute();
    }

    private static Update addition(Entry entry) {
        DeliveryKey key = entry.key();
        return new Update().setOnInsert("incidentId", key.incidentId()).setOnInsert("channel", key.channel())
                .setOnInsert("target", key.target())
                .inc("version", 1).min("dueAt", entry.dueAt()).addToSet("open", entry.deliveryId());
    }

    List<DeliveryQueue> due(Instant now, int limit) {
        return mongo.find(query(where("dueAt").lte(now)).limit(limit), DeliveryQueue.class);
    }

    /**
     * Keeps queues a round is sending out of the next polls until their lease ends: the settle
     * after the send sets the real due time, and if this worker dies first they are due again
     * when the lease runs out. A delivery added meanwhile brings the time forward ({@code $min}),
     * which the worker's own in-flight set then covers.
     */
    void hold(Collection<String> queueIds, Instant until) {
        if (!queueIds.isEmpty()) {
            mongo.updateMulti(query(where("_id").in(queueIds)), new Update().set("dueAt", until), DeliveryQueue.class);
        }
    }

    /**
     * After the worker looked at queues: each drops the deliveries that are final and is next due
     * when its head may go, or is removed when nothing is open and nothing was added meanwhile
     * (the version check). One unordered bulk write for all of them: the driver sends all removals
     * as one command and all updates as another (an ordered one would send a command at every
     * switch between the two). The order does not matter: an update never changes the version
     * a removal checks, and an update of a removed queue matches nothing.
     *
     * @param now a queue that was not removed although nothing the worker knew of is open had a
     *            delivery added meanwhile, perhaps before {@link #hold} overwrote its due time: it
     *            is due {@code now}
     */
    void settleAll(Collection<QueueWork.QueueSettle> settles, Instant now) {
        if (settles.isEmpty()) {
            return;
        }
        BulkOperations bulk = mongo.bulkOps(BulkOperations.BulkMode.UNORDERED, DeliveryQueue.class);
        for (QueueWork.QueueSettle settle : settles) {
            DeliveryQueue seen = settle.seen();
            Instant nextDue = settle.nextDueOrNull();
            if (nextDue == null && settle.finished().size() == seen.open().size()) {
                // Removed only if unchanged; otherwise the update below keeps what was added meanwhile.
                bulk.remove(query(where("_id").is(seen.id()).and("version").is(seen.version())));
            }
            Update update = new Update();
            if (!settle.finished().isEmpty()) {
                update.pullAll("open", settle.finished().toArray());
            }
            // A delivery added meanwhile sits behind the open head, so waiting for the head is right.
            update.set("dueAt", nextDue != null ? nextDue : now);
            bulk.updateOne(query(where("_id").is(seen.id())), update);
        }
        bulk.execute();
    }
}
