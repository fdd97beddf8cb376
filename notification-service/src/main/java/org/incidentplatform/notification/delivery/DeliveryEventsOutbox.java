package org.incidentplatform.notification.delivery;

import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.Updates;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.List;
import java.util.UUID;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.bson.types.ObjectId;
import org.springframework.data.annotation.Id;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.CollectionCallback;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

/**
 * The {@code delivery_events_outbox} collection: records waiting to go to Kafka. The delivery
 * worker only adds here, one insert into the MongoDB it depends on anyway; {@link DeliveryEventsRelay}
 * sends them on a thread of its own. A Kafka outage therefore holds neither a delivery thread nor
 * its lease, and the records wait here, oldest first, until Kafka is back.
 */
@Component
class DeliveryEventsOutbox {

    private static final String COLLECTION = "delivery_events_outbox";
    private static final Bson OLDEST_FIRST = Sorts.ascending("createdAt", "_id");

    private final MongoOperations mongo;
    private final Clock clock;
    private volatile boolean indexed;

    /**
     * @param id          increasing within one process (an ObjectId), so equal timestamps keep their order
     * @param traceparent the span current when the record was queued, continued when it is sent
     * @param leaseUntil  a relay is sending it until then; {@link Instant#EPOCH} when none is
     * @param owner       the claim that set the lease; only read right after that claim
     */
    @org.springframework.data.mongodb.core.mapping.Document(COLLECTION)
    record Entry(@Id String id, String topic, String key, String value, String traceparent, Instant createdAt,
            Instant leaseUntil, String owner) {
    }

    DeliveryEventsOutbox(MongoOperations mongo, Clock clock) {
        this.mongo = mongo;
        this.clock = clock;
    }

    void add(String topic, String key, String value, String traceparent) {
        ensureIndex();
        mongo.insert(entry(topic, key, value, traceparent));
    }

    /** A new record, not yet stored. */
    Entry entry(String topic, String key, String value, String traceparent) {
        return new Entry(new ObjectId().toHexString(), topic, key, value, traceparent, clock.instant(), Instant.EPOCH, null);
    }

    /** Stores many records with one insert. */
    void addAll(Collection<Entry> entries) {
        if (!entries.isEmpty()) {
            ensureIndex();
            onOutbox(outbox -> outbox.insertMany(entries.stream().map(DeliveryEventsOutbox::write).toList()));
        }
    }

    /**
     * An entry as Spring Data writes it (its id, an ObjectId's hex, stored as the ObjectId), by
     * hand: the relay's batches are hot, and Spring Data's mapping cost more than the commands
     * (docs/benchmarks.md, December 8). {@code DeliveryEventsOutboxTest} holds the two to one shape.
     */
    static Document write(Entry entry) {
        Document document = new Document("_id", new ObjectId(entry.id()));
        DeliveryDocuments.put(document, "topic", entry.topic());
        DeliveryDocuments.put(document, "key", entry.key());
        DeliveryDocuments.put(document, "value", entry.value());
        DeliveryDocuments.put(document, "traceparent", entry.traceparent());
        DeliveryDocuments.put(document, "createdAt", DeliveryDocuments.date(entry.createdAt()));
        DeliveryDocuments.put(document, "leaseUntil", DeliveryDocuments.date(entry.leaseUntil()));
        DeliveryDocuments.put(document, "owner", entry.owner());
        return document;
    }

    static Entry read(Document document) {
        return new Entry(document.getObjectId("_id").toHexString(), document.getString("topic"),
                document.getString("key"), document.getString("value"), document.getString("traceparent"),
                DeliveryDocuments.instant(document, "createdAt"), DeliveryDocuments.instant(document, "leaseUntil"),
                document.getString("owner"));
    }

    private static List<ObjectId> objectIds(Collection<String> ids) {
        return ids.stream().map(ObjectId::new).toList();
    }

    /**
     * Runs driver calls on the collection through the template, so that MongoDB being away still
     * surfaces as Spring's {@code DataAccessResourceFailureException}, as it did through the entity
     * mapping: the relay and the worker handle that as MongoDB being away.
     */
    private <T> T onOutbox(CollectionCallback<T> calls) {
        return mongo.execute(COLLECTION, calls);
    }

    /**
     * Takes up to {@code max} of the oldest records nobody is sending, each until {@code until},
     * in three commands whatever their number: read the oldest free ones, stamp those still free
     * with a fresh owner token, read back the ones carrying it. A record another relay stamped
     * between the two reads is simply not this relay's.
     */
    List<Entry> claim(int max, Instant now, Instant until) {
        ensureIndex();
        Date nowDate = DeliveryDocuments.date(now);
        List<Object> ids = new ArrayList<>();
        onOutbox(outbox -> outbox.find(Filters.lte("leaseUntil", nowDate)).sort(OLDEST_FIRST).limit(max)
                .projection(Projections.include("_id")).into(new ArrayList<>())).forEach(free -> ids.add(free.get("_id")));
        if (ids.isEmpty()) {
            return List.of();
        }
        String owner = UUID.randomUUID().toString();
        return onOutbox(outbox -> {
            outbox.updateMany(Filters.and(Filters.in("_id", ids), Filters.lte("leaseUntil", nowDate)),
                    Updates.combine(Updates.set("leaseUntil", DeliveryDocuments.date(until)), Updates.set("owner", owner)));
            List<Entry> claimed = new ArrayList<>();
            outbox.find(Filters.and(Filters.in("_id", ids), Filters.eq("owner", owner))).sort(OLDEST_FIRST)
                    .forEach(entry -> claimed.add(read(entry)));
            return claimed;
        });
    }

    /** Sent and acknowledged: gone. */
    void remove(Collection<String> ids) {
        if (!ids.isEmpty()) {
            onOutbox(outbox -> outbox.deleteMany(Filters.in("_id", objectIds(ids))));
        }
    }

    /** Not sent: free for the next round at once rather than when the lease ends. */
    void release(Collection<String> ids) {
        if (!ids.isEmpty()) {
            onOutbox(outbox -> outbox.updateMany(Filters.in("_id", objectIds(ids)),
                    Updates.set("leaseUntil", DeliveryDocuments.date(Instant.EPOCH))));
        }
    }

    long waiting() {
        return mongo.count(new Query(), Entry.class);
    }

    private void ensureIndex() {
        if (!indexed) {
            mongo.indexOps(Entry.class).createIndex(new Index().on("leaseUntil", Sort.Direction.ASC)
                    .on("createdAt", Sort.Direction.ASC).on("_id", Sort.Direction.ASC).named("relay_order"));
            indexed = true;
        }
    }
}
