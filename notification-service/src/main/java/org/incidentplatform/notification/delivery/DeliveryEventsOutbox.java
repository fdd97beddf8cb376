package org.incidentplatform.notification.delivery;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.UUID;
import org.bson.types.ObjectId;
import org.springframework.data.annotation.Id;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.mapping.Document;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * The {@code delivery_events_outbox} collection: records waiting to go to Kafka. The delivery
 * worker only adds here, one insert into the MongoDB it depends on anyway; {@link DeliveryEventsRelay}
 * sends them on a thread of its own. A Kafka outage therefore holds neither a delivery thread nor
 * its lease, and the records wait here, oldest first, until Kafka is back.
 */
@Component
class DeliveryEventsOutbox {

    private static final Sort OLDEST_FIRST = Sort.by("createdAt", "_id");

    private final MongoOperations mongo;
    private final Clock clock;
    private volatile boolean indexed;

    /**
     * @param id          increasing within one process (an ObjectId), so equal timestamps keep their order
     * @param traceparent the span current when the record was queued, continued when it is sent
     * @param leaseUntil  a relay is sending it until then; {@link Instant#EPOCH} when none is
     * @param owner       the claim that set the lease; only read right after that claim
     */
    @Document("delivery_events_outbox")
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
            mongo.insert(entries, Entry.class);
        }
    }

    /**
     * Takes up to {@code max} of the oldest records nobody is sending, each until {@code until},
     * in three commands whatever their number: read the oldest free ones, stamp those still free
     * with a fresh owner token, read back the ones carrying it. A record another relay stamped
     * between the two reads is simply not this relay's.
     */
    List<Entry> claim(int max, Instant now, Instant until) {
        ensureIndex();
        Query oldestFree = query(where("leaseUntil").lte(now)).with(OLDEST_FIRST).limit(max);
        oldestFree.fields().include("_id");
        List<String> ids = mongo.find(oldestFree, Entry.class).stream().map(Entry::id).toList();
        if (ids.isEmpty()) {
            return List.of();
        }
        String owner = UUID.randomUUID().toString();
        mongo.updateMulti(query(where("_id").in(ids).and("leaseUntil").lte(now)),
                new Update().set("leaseUntil", until).set("owner", owner), Entry.class);
        return mongo.find(query(where("_id").in(ids).and("owner").is(owner)).with(OLDEST_FIRST), Entry.class);
    }

    /** Sent and acknowledged: gone. */
    void remove(Collection<String> ids) {
        if (!ids.isEmpty()) {
            mongo.remove(query(where("_id").in(ids)), Entry.class);
        }
    }

    /** Not sent: free for the next round at once rather than when the lease ends. */
    void release(Collection<String> ids) {
        if (!ids.isEmpty()) {
            mongo.updateMulti(query(where("_id").in(ids)), new Update().set("leaseUntil", Instant.EPOCH), Entry.class);
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
