package org.incidentplatform.incident.escalation;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.incidentplatform.incident.caching.ShortLivedCache;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Repository;

/** Escalation policies; a change is written only if the policy is still at the version the caller read. */
@Repository
class EscalationPolicies {

    private final MongoTemplate mongo;
    private volatile boolean indexed;
    /** Every opened incident asks which policy covers it; in a storm that is thousands of times a minute. */
    private final ShortLivedCache<List<EscalationPolicy>> cache;

    EscalationPolicies(MongoTemplate mongo, @Value("${incidents.oncall.cache-ttl:PT5S}") Duration cacheTtl) {
        this.mongo = mongo;
        this.cache = new ShortLivedCache<>(this::all, cacheTtl);
    }

    Optional<EscalationPolicy> find(String id) {
        return Optional.ofNullable(mongo.findById(id, EscalationPolicy.class));
    }

    /** By name: the order in which ties between equally specific policies are broken. */
    List<EscalationPolicy> all() {
        return mongo.find(new Query().with(Sort.by("name")).limit(1000), EscalationPolicy.class);
    }

    /** {@link #all()}, at most {@code incidents.oncall.cache-ttl} old unless changed through this instance. */
    List<EscalationPolicy> cached() {
        return cache.get();
    }

    /** Fails with DuplicateKeyException when the name is taken. */
    void insert(EscalationPolicy policy) {
        ensureIndexes();
        mongo.insert(policy);
        cache.forget();
    }

    boolean replace(EscalationPolicy before, EscalationPolicy after) {
        ensureIndexes();
        cache.forget();
        return mongo.replace(atVersion(before), after).getMatchedCount() == 1;
    }

    boolean delete(EscalationPolicy policy) {
        cache.forget();
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
