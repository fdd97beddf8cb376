package org.incidentplatform.incident.idempotency;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;

/**
 * Claims keys with an insert on {@code _id}, which is atomic: of two concurrent first requests
 * with one key, exactly one wins. Every record carries {@code expiresAt}; an expired one is
 * treated as absent and deleted by the TTL index or {@link #deleteExpired}.
 */
class IdempotencyStore {

    /** A claim this old belongs to a request that died; a repeat may take it over. */
    static final Duration ABANDONED_AFTER = Duration.ofSeconds(60);

    private final MongoTemplate mongo;
    private final Duration retention;
    private volatile boolean indexed;

    IdempotencyStore(MongoTemplate mongo, Duration retention) {
        this.mongo = mongo;
        this.retention = retention;
    }

    /** On first use, not at start: start-up must not wait for MongoDB. */
    private void ensureIndexes() {
        if (!indexed) {
            mongo.indexOps(IdempotencyRecord.class).createIndex(
                    new Index().on("expiresAt", Sort.Direction.ASC).named("expiresAt_ttl").expire(Duration.ZERO));
            indexed = true;
        }
    }

    /** Empty when this request now owns the key; otherwise the record that already holds it. */
    Optional<IdempotencyRecord> claim(String id, String fingerprint, Instant now) {
        ensureIndexes();
        try {
            mongo.insert(IdempotencyRecord.started(id, fingerprint, now, now.plus(retention)));
            return Optional.empty();
        } catch (DuplicateKeyException taken) {
            IdempotencyRecord existing = mongo.findById(id, IdempotencyRecord.class);
            if (existing == null || isStale(existing, now)) {
                mongo.remove(Query.query(Criteria.where("_id").is(id).and("createdAt").is(
                        existing == null ? null : existing.createdAt())), IdempotencyRecord.class);
                return claim(id, fingerprint, now);
            }
            return Optional.of(existing);
        }
    }

    void complete(String id, String fingerprint, int status, Map<String, String> headers, byte[] body) {
        Instant now = Instant.now();
        mongo.save(new IdempotencyRecord(id, fingerprint, true, status, headers, body, now, now.plus(retention)));
    }

    void release(String id) {
        mongo.remove(Query.query(Criteria.where("_id").is(id)), IdempotencyRecord.class);
    }

    /** Deletes what expired; records from before expiresAt existed expire by their age. */
    long deleteExpired(Instant now) {
        Criteria expired = new Criteria().orOperator(Criteria.where("expiresAt").lt(now),
                Criteria.where("expiresAt").exists(false).and("createdAt").lt(now.minus(retention)));
        return mongo.remove(Query.query(expired), IdempotencyRecord.class).getDeletedCount();
    }

    private boolean isStale(IdempotencyRecord record, Instant now) {
        Instant expiresAt = record.expiresAt() != null ? record.expiresAt() : record.createdAt().plus(retention);
        return !expiresAt.isAfter(now) || (!record.completed() && record.createdAt().plus(ABANDONED_AFTER).isBefore(now));
    }
}
