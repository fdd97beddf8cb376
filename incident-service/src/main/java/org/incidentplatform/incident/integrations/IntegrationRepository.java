package org.incidentplatform.incident.integrations;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Repository;

/**
 * Integrations by id and by key. Lookups by key are cached briefly: every alert POST needs one,
 * and a changed or disabled integration takes effect within {@link #CACHE_TTL}.
 */
@Repository
public class IntegrationRepository {

    static final Duration CACHE_TTL = Duration.ofSeconds(5);

    private final MongoTemplate mongo;
    private final Map<String, Cached> byKeyHash = new ConcurrentHashMap<>();
    private volatile boolean indexed;

    private record Cached(Integration integration, Instant until) {
    }

    IntegrationRepository(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    /** The enabled integration this secret key belongs to. */
    public Optional<Integration> findEnabledByKey(String key) {
        String hash = IntegrationKeys.hash(key);
        Cached cached = byKeyHash.get(hash);
        Instant now = Instant.now();
        if (cached != null && cached.until().isAfter(now)) {
            return Optional.of(cached.integration()).filter(Integration::enabled);
        }
        Integration found = mongo.findOne(Query.query(Criteria.where("keyHash").is(hash)), Integration.class);
        if (found == null) {
            byKeyHash.remove(hash);
            return Optional.empty();
        }
        byKeyHash.put(hash, new Cached(found, now.plus(CACHE_TTL)));
        return Optional.of(found).filter(Integration::enabled);
    }

    public Optional<Integration> find(String id) {
        return Optional.ofNullable(mongo.findById(id, Integration.class));
    }

    public Optional<Integration> findByName(String name) {
        return Optional.ofNullable(mongo.findOne(Query.query(Criteria.where("name").is(name)), Integration.class));
    }

    public List<Integration> list() {
        return mongo.find(new Query().with(Sort.by("name")).limit(1000), Integration.class);
    }

    /** Inserts a new integration; fails with DuplicateKeyException when its name or key is taken. */
    public void insert(Integration integration) {
        ensureIndexes();
        mongo.insert(integration);
    }

    public void save(Integration integration) {
        ensureIndexes();
        mongo.save(integration);
        byKeyHash.clear();
    }

    /** Unique indexes make names and keys unique even when two admins race. */
    void ensureIndexes() {
        if (!indexed) {
            var indexes = mongo.indexOps(Integration.class);
            indexes.createIndex(new Index("keyHash", Sort.Direction.ASC).unique());
            indexes.createIndex(new Index("name", Sort.Direction.ASC).unique());
            indexed = true;
        }
    }
}
