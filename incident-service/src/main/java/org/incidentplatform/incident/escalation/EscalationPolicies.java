package org.incidentplatform.incident.escalation;

import java.util.List;
import java.util.Optional;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Repository;

/** Escalation policies; a change is written only if the policy is still at the version the caller read. */
@Repository
class EscalationPolicies {

    /** Every opened incident asks which policy covers it; in a storm that is thousands of times a minute. */
    static final java.time.Duration CACHE_TTL = java.time.Duration.ofSeconds(5);
    private final MongoTemplate mongo;
    private volatile boolean indexed;
    private volatile Cached cache = new Cached(List.of(), java.time.Instant.EPOCH);

    private record Cached(List<EscalationPolicy> policies, java.time.Instant until) {
    }

    EscalationPolicies(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    Optional<EscalationPolicy> find(String id) {
        return Optional.ofNullable(mongo.findById(id, EscalationPolicy.class));
    }

    /** By name: the order in which ties between equally specific policies are broken. */
    List<EscalationPolicy> all() {
        return mongo.find(new Query().with(Sort.by("name")).limit(1000), EscalationPolicy.class);
    }

    /** {@link #all()}, at most {@link #CACHE_TTL} old: a policy change takes effect within seconds. */
    List<EscalationPolicy> cached() {
        Cached current = cache;
        java.time.Instant now = java.time.Instant.now();
        if (current.until().isAfter(now)) {
            return current.policies();
        }
        List<EscalationPolicy> read = all();
        cache = new Cached(read, now.plus(CACHE_TTL));
        return read;
    }

    /** Fails with DuplicateKeyException when the name is taken. */
    void insert(EscalationPolicy policy) {
        ensureIndexes();
        mongo.insert(policy);
        cache = new Cached(List.of(), java.time.Instant.EPOCH);
    }

    boolean replace(EscalationPolicy before, EscalationPolicy after) {
        ensureIndexes();
        cache = new Cached(List.of(), java.time.Instant.EPOCH);
        return mongo.replace(atVersion(before), after).getMatchedCount() == 1;
    }

    boolean delete(EscalationPolicy policy) {
        cache = new Cached(List.of(), java.time.Instant.EPOCH);
        return mongo.remove(atVersion(policy), EscalationPolicy.class).getDeletedCount() == 1;
    }

    private static Query atVersion(EscalationPolicy policy) {
        return Query.query(Criteria.where("_id").is(policy.id()).and("version").is(policy.version()));
    }

    private void ensureIndexes() {
        if (!indexed) {
            mongo.indexOps(EscalationPolicy.class).createIndex(new Index("name", Sort.Direction.ASC).unique());
            indexed = true;
        }
    }
}
