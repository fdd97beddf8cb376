package org.incidentplatform.notification.delivery;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.bson.types.ObjectId;
import org.springframework.data.annotation.Id;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
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
     */
    @Document("delivery_events_outbox")
    record Entry(@Id String id, String topic, String key, String value, String traceparent, Instant createdAt,
            Instant leaseUntil) {
    }

    DeliveryEventsOutbox(MongoOperations mongo, Clock clock) {
        this.mongo = mongo;
        this.clock = clock;
    }

    void add(String topic, String key, String value, String traceparent) {
        ensureIndex();
        mongo.insert(new Entry(new ObjectId().toHexString(), topic, key, value, traceparent, clock.instant(), Instant.EPOCH));
    }

    /** Takes up to {@code max} of the oldest records nobody is sending, each until {@code until}. */
    List<Entry> claim(int max, Instant now, Instant until) {
        ensureIndex();
        List<Entry> claimed = new ArrayList<>();
        while (claimed.size() < max) {
            Entry entry = mongo.findAndModify(query(where("leaseUntil").lte(now)).with(OLDEST_FIRST),
                    new Update().set("leaseUntil", until), FindAndModifyOptions.options().returnNew(true), Entry.class);
            if (entry == null) {
                break;
            }
            claimed.add(entry);
        }
        return claimed;
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
