package org.incidentplatform.incident.leases;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoCommandException;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.ReturnDocument;
import com.mongodb.client.model.Updates;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.Date;
import java.util.UUID;
import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;

/**
 * Which instance does a piece of single-instance work (relaying events, working off the intake
 * queue): a lease document in {@code relay_leases} that its holder renews and others take over
 * once it has expired. Users make the work safe to do twice (clocks far apart can give two holders
 * for a moment); the lease only keeps instances from doing it side by side.
 */
public class MongoLease {

    /** The collection's name predates the second user of leases; kept so upgrades keep their lease. */
    static final String COLLECTION = "relay_leases";

    private final MongoTemplate mongo;
    private final String id;
    private final String owner;
    private final Duration ttl;
    private long renewedAt = Long.MIN_VALUE;
    private boolean held;

    /**
     * @param id    the work the lease is for, e.g. {@code event-relay}
     * @param owner this instance, unique per start so a restart never mistakes its predecessor's lease for its own
     */
    public MongoLease(MongoTemplate mongo, String id, String owner, Duration ttl) {
        this.mongo = mongo;
        this.id = id;
        this.owner = owner;
        this.ttl = ttl;
    }

    /** A unique owner name for this start of this instance: {@code node} (or the JVM's name) plus a random suffix. */
    public static String ownerName(String node) {
        String name = node == null || node.isBlank() ? ManagementFactory.getRuntimeMXBean().getName() : node;
        return name + "/" + UUID.randomUUID().toString().substring(0, 8);
    }

    public String owner() {
        return owner;
    }

    /** Keeps or takes the lease; renews it at most every third of its time to live. */
    public boolean holdOrAcquire() {
        if (held && System.nanoTime() - renewedAt < ttl.toNanos() / 3) {
            return true;
        }
        Date now = new Date();
        try {
            Document lease = collection().findOneAndUpdate(
                    Filters.and(Filters.eq("_id", id),
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
    public void release() {
        if (held) {
            held = false;
            collection().deleteOne(Filters.and(Filters.eq("_id", id), Filters.eq("owner", owner)));
        }
    }

    public boolean held() {
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
