package org.incidentplatform.notification.delivery;

import com.mongodb.client.model.BulkWriteOptions;
import com.mongodb.client.model.DeleteOneModel;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.UpdateOneModel;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import com.mongodb.client.model.WriteModel;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.List;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.CollectionCallback;
import org.springframework.stereotype.Component;

/**
 * The {@code delivery_queues} collection: which incident-and-target queues have open
 * deliveries and when each is next due. Ids are added after the delivery record exists (see
 * {@link DeliveryLog#enqueue}); ids whose record is final or missing are dropped when the worker
 * settles the queue. Additions and settles of many queues go in one bulk write each.
 */
@Component
class DeliveryQueues {

    private static final String COLLECTION = "delivery_queues";
    private static final BulkWriteOptions UNORDERED = new BulkWriteOptions().ordered(false);

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
        addAll(List.of(new Entry(key, deliveryId, dueAt)));
    }

    /** {@link #add} for many deliveries in one unordered bulk write. */
    void addAll(Collection<Entry> entries) {
        if (entries.isEmpty()) {
            return;
        }
        List<WriteModel<Document>> writes = new ArrayList<>(entries.size());
        entries.forEach(entry -> writes.add(new UpdateOneModel<>(Filters.eq("_id", entry.key().id()), additionOf(entry),
                new UpdateOptions().upsert(true))));
        onQueues(queues -> queues.bulkWrite(writes, UNORDERED));
    }

    /** Creates the queue if need be, raises its version, brings its due time forward and adds the delivery. */
    private static Bson additionOf(Entry entry) {
        DeliveryKey key = entry.key();
        return Updates.combine(Updates.setOnInsert("incidentId", key.incidentId()),
                Updates.setOnInsert("channel", key.channel()), Updates.setOnInsert("target", key.target()),
                Updates.inc("version", 1), Updates.min("dueAt", DeliveryDocuments.date(entry.dueAt())),
                Updates.addToSet("open", entry.deliveryId()));
    }

    List<DeliveryQueue> due(Instant now, int limit) {
        return onQueues(queues -> {
            List<DeliveryQueue> due = new ArrayList<>();
            queues.find(Filters.lte("dueAt", DeliveryDocuments.date(now))).limit(limit)
                    .forEach(queue -> due.add(read(queue)));
            return due;
        });
    }

    private static DeliveryQueue read(Document queue) {
        Number version = queue.get("version", Number.class);
        Date dueAt = queue.getDate("dueAt");
        return new DeliveryQueue(queue.getString("_id"), queue.getString("incidentId"), queue.getString("channel"),
                queue.getString("target"), version == null ? 0 : version.longValue(),
                dueAt == null ? null : dueAt.toInstant(), queue.getList("open", String.class));
    }

    /**
     * Keeps queues a round is sending out of the next polls until their lease ends: the settle
     * after the send sets the real due time, and if this worker dies first they are due again
     * when the lease runs out. A delivery added meanwhile brings the time forward ({@code $min}),
     * which the worker's own in-flight set then covers.
     */
    void hold(Collection<String> queueIds, Instant until) {
        if (!queueIds.isEmpty()) {
            onQueues(queues -> queues.updateMany(Filters.in("_id", queueIds),
                    Updates.set("dueAt", DeliveryDocuments.date(until))));
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
        List<WriteModel<Document>> writes = new ArrayList<>();
        for (QueueWork.QueueSettle settle : settles) {
            DeliveryQueue seen = settle.seen();
            Instant nextDue = settle.nextDueOrNull();
            if (nextDue == null && settle.finished().size() == seen.open().size()) {
                // Removed only if unchanged; otherwise the update below keeps what was added meanwhile.
                writes.add(new DeleteOneModel<>(Filters.and(Filters.eq("_id", seen.id()),
                        Filters.eq("version", seen.version()))));
            }
            List<Bson> update = new ArrayList<>(2);
            if (!settle.finished().isEmpty()) {
                update.add(Updates.pullAll("open", List.copyOf(settle.finished())));
            }
            // A delivery added meanwhile sits behind the open head, so waiting for the head is right.
            update.add(Updates.set("dueAt", DeliveryDocuments.date(nextDue != null ? nextDue : now)));
            writes.add(new UpdateOneModel<>(Filters.eq("_id", seen.id()), Updates.combine(update)));
        }
        onQueues(queues -> queues.bulkWrite(writes, UNORDERED));
    }

    /**
     * Runs driver calls on the collection through the template, so that MongoDB being away still
     * surfaces as Spring's {@code DataAccessResourceFailureException}, as it did through the entity
     * mapping: the worker and the consumers' error handling treat it as MongoDB being away.
     */
    private <T> T onQueues(CollectionCallback<T> calls) {
        return mongo.execute(COLLECTION, calls);
    }
}
