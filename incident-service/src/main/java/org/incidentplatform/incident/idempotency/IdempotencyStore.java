package org.incidentplatform.incident.idempotency;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;

/**
 * Claims keys with an insert on {@code _id}, which is atomic: of two concurrent first requests
 * with one key, exactly one wins.
 */
class IdempotencyStore {

    static final Duration RETENTION = Duration.ofHours(24);
    /** A claim this old belongs to a request that died; a repeat may take it over. */
    static final Duration ABANDONED_AFTER = Duration.ofSeconds(60);

    private final MongoTemplate mongo;

    IdempotencyStore(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    /** Empty when this request now owns the key; otherwise the record that already holds it. */
    Optional<IdempotencyRecord> claim(String id, String fingerprint, Instant now) {
        try {
            mongo.insert(IdempotencyRecord.started(id, fingerprint, now));
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

    void complete(IdempotencyRecord record) {
        mongo.save(record);
    }

    void release(String id) {
        mongo.remove(Query.query(Criteria.where("_id").is(id)), IdempotencyRecord.class);
    }

    private static boolean isStale(IdempotencyRecord record, Instant now) {
        Instant created = record.createdAt();
        return created.plus(RETENTION).isBefore(now)
                || (!record.completed() && created.plus(ABANDONED_AFTER).isBefore(now));
    }
}
