package org.incidentplatform.incident.relay;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoCommandException;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.ReturnDocument;
import com.mongodb.client.model.Updates;
import java.time.Duration;
import java.util.Date;
import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;

/**
 * Which instance relays: a lease document in {@code relay_leases} that its holder renews and
 * others take over once it has expired. Two holders at once (clocks far apart) would only relay
 * some events twice, which every sink tolerates; completeness never depends on the lease.
 */
class RelayLease {

    static final String COLLECTION = "relay_leases";
    private static final String ID = "event-relay";

    private final MongoTemplate mongo;
    private final String owner;
    private final Duration ttl;
    private long renewedAt = Long.MIN_VALUE;
    private boolean held;

    RelayLease(MongoTemplate mongo, String owner, Duration ttl) {
        this.mongo = mongo;
        this.owner = owner;
        this.ttl = ttl;
    }

    String owner() {
        return owner;
    }

    /** Keeps or takes the lease; renews it at most every third of its time to live. */
    boolean holdOrAcquire() {
        if (held && System.nanoTime() - renewedAt < ttl.toNanos() / 3) {
            return true;
        }
        Date now = new Date();
        try {
            Document lease = collection().findOneAndUpdate(
                    Filters.and(Filters.eq("_id", ID),
                            Filters.or(Filters.eq("owner", owner), Filters.lt("until", now))),
                    Updates.combine(Updates.set("owner", owner), Updates.set("until", new Date(now.getTime() + ttl.toMillis()))),
                    new FindOneAndUpdateOptions().upsert(true).returnDocument(ReturnDocument.AFTER));
            held = lease != null && owner.equals(lease.getString("owner"));
        } catch (MongoCommandException | MongoWriteException e) {
            if (!isDuplicateKey(e)) {
                held = false;
                throw e;
            }
            held = false; // Another instance holds a lease that has not expired: the upsert collided with it.
        }
        if (held) {
            renewedAt = System.nanoTime();
        }
        return held;
    }

    /** Gives the lease up at shutdown so another instance takes over at once, not after it expires. */
    void release() {
        if (held) {
            held = false;
            collection().deleteOne(Filters.and(Filters.eq("_id", ID), Filters.eq("owner", owner)));
        }
    }

    boolean held() {
        return held;
    }

    private static boolean isDuplicateKey(RuntimeException e) {
        if (e instanceof MongoWriteException write) {
            return write.getError().getCategory() == ErrorCategory.DUPLICATE_KEY;
        }
        return ErrorCategory.fromErrorCode(((MongoCommandException) e).getErrorCode()) == ErrorCategory.DUPLICATE_KEY;
    }

    private MongoCollection<Document> collection() {
        return mongo.getCollection(COLLECTION);
    }
}
